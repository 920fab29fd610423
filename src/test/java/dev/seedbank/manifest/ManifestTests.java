package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTests extends EndToEndTest {

	ManifestExperiments experiments;

	@BeforeEach
	void setUp() {
		this.experiments = new ManifestExperiments(this.http);
	}

	@Test
	void composer028SeedsRankRWithGlobalPlusRAndPassesTheDataSeedToGetSampler() {
		String id = this.experiments.create("composer", "0.28.0", "2.5.1", "17", "5", "INDEPENDENT", 4, false);
		Response response = this.http.get("/api/v1/experiments/" + id + "/manifest");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode manifest = response.json();
		assertThat(manifest.get("experimentId").asString()).isEqualTo(id);
		assertThat(manifest.get("effectiveDataSeed").isIntegralNumber()).isTrue();
		assertThat(manifest.get("effectiveDataSeed").bigIntegerValue()).isEqualTo(5);
		assertThat(manifest.get("explanation").asString()).startsWith("INDEPENDENT");
		assertThat(manifest.get("source").asString()).contains("mosaicml/composer");
		assertThat(manifest.get("ranks")).hasSize(4);
		for (int rank = 0; rank < 4; rank++) {
			JsonNode seeds = manifest.get("ranks").get(rank);
			assertThat(seeds.get("rank").asInt()).isEqualTo(rank);
			assertThat(seeds.get("processSeed").isIntegralNumber()).isTrue();
			assertThat(seeds.get("processSeed").bigIntegerValue()).isEqualTo(17 + rank);
			assertThat(seeds.get("loaderSeed").bigIntegerValue()).isEqualTo(17 + rank);
			assertThat(seeds.get("samplerSeed").bigIntegerValue()).isEqualTo(5);
			assertThat(seeds.get("samplerEpochSeed").asString()).isEqualTo("5 + epoch");
		}
		assertThat(manifest.get("ranks").get(3).get("calls").valueStream().map(JsonNode::asString)).containsExactly(
				"Trainer(seed=17)", "sampler = dist.get_sampler(dataset, shuffle=True, seed=5)",
				"DataLoader(dataset, sampler=sampler, generator=torch.Generator().manual_seed(20))",
				"sampler.set_epoch(epoch)");
		assertThat(manifest.get("nextFromRank").isNull()).isTrue();
	}

	@Test
	void composer027RejectsANonZeroDataSeedAtCreateAndItsManifestPassesNoSeed() {
		Response rejected = this.experiments.post("composer", "0.27.0", "2.5.1", "17", "5", "INDEPENDENT", 4, false);
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(422);
		assertThat(rejected.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/seed-rule");
		assertThat(rejected.json().get("detail").asString()).contains("0.28.0");

		String id = this.experiments.create("composer", "0.27.0", 17, "FRAMEWORK_DEFAULT", 4);
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		assertThat(manifest.get("effectiveDataSeed").bigIntegerValue()).isZero();
		assertThat(manifest.get("ranks").get(1).get("calls").get(1).asString())
			.isEqualTo("sampler = dist.get_sampler(dataset, shuffle=True)");
		assertThat(manifest.get("notes").valueStream().map(JsonNode::asString))
			.anyMatch((note) -> note.contains("no seed argument on dist.get_sampler"))
			.anyMatch((note) -> note.contains("changing the global seed alone does not change the data order"));
	}

	@Test
	void accelerateAddsTheRankOnlyWithDeviceSpecific() {
		String specific = this.experiments.create("accelerate", "1.0.0", "2.5.1", "17", "null", "LINKED", 3, true);
		String shared = this.experiments.create("accelerate", "1.0.0", "2.5.1", "17", "null", "LINKED", 3, false);
		JsonNode specificManifest = this.http.get("/api/v1/experiments/" + specific + "/manifest").json();
		JsonNode sharedManifest = this.http.get("/api/v1/experiments/" + shared + "/manifest").json();
		assertThat(specificManifest.get("deviceSpecific").asBoolean()).isTrue();
		assertThat(specificManifest.get("ranks").findValues("processSeed").stream().map(JsonNode::asInt))
			.containsExactly(17, 18, 19);
		assertThat(specificManifest.get("ranks").get(2).get("calls").get(0).asString())
			.isEqualTo("set_seed(17, device_specific=True)");
		assertThat(sharedManifest.get("ranks").findValues("processSeed").stream().map(JsonNode::asInt))
			.containsExactly(17, 17, 17);
		assertThat(sharedManifest.get("ranks").get(2).get("calls").get(0).asString()).isEqualTo("set_seed(17)");
	}

	@Test
	void lightningsDefaultDataSeedIsTheGlobalSeed() {
		String id = this.experiments.create("lightning", "2.4.0", 1234, "FRAMEWORK_DEFAULT", 2);
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		assertThat(manifest.get("effectiveDataSeed").bigIntegerValue()).isEqualTo(1234);
		assertThat(manifest.get("explanation").asString()).contains("PL_GLOBAL_SEED");
		assertThat(manifest.get("ranks").findValues("processSeed").stream().map(JsonNode::asInt)).containsExactly(1234,
				1234);
		assertThat(manifest.get("ranks").get(0).get("calls").get(0).asString()).isEqualTo("seed_everything(1234)");
	}

	@Test
	void torchSeedsEveryRankAlikeAndKeepsSeedsAtTheTopOfItsRangeExact() {
		String max = "18446744073709551615";
		String id = this.experiments.create("torch", "2.5.1", "2.5.1", max, "null", "LINKED", 2, false);
		Response response = this.http.get("/api/v1/experiments/" + id + "/manifest");
		assertThat(response.text()).contains("\"processSeed\":" + max)
			.contains("\"effectiveDataSeed\":" + max)
			.doesNotContain("\"processSeed\":\"")
			.doesNotContain("E+");
		JsonNode rank1 = response.json().get("ranks").get(1);
		assertThat(rank1.get("processSeed").bigIntegerValue()).isEqualTo(new BigInteger(max));
		assertThat(rank1.get("calls").get(0).asString()).isEqualTo("torch.manual_seed(" + max + ")");
		assertThat(rank1.get("calls").get(1).asString()).isEqualTo("sampler = DistributedSampler(dataset, "
				+ "num_replicas=2, rank=1, shuffle=True, seed=" + max + ", drop_last=False)");
	}

	@Test
	void oneRanksManifestAsJsonAndAsAnEnvFileAgree() {
		String id = this.experiments.create("composer", "0.28.0", 40, "LINKED", 8);
		String path = "/api/v1/experiments/" + id + "/ranks/5/manifest";
		Response json = this.http.get(path);
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.json().get("processSeed").bigIntegerValue()).isEqualTo(45);
		assertThat(json.json().get("rank").asInt()).isEqualTo(5);
		assertThat(this.http.get(path, "Accept", "*/*").header("Content-Type")).startsWith("application/json");

		Response text = this.http.get(path, "Accept", "text/plain");
		assertThat(text.status()).as(text.text()).isEqualTo(200);
		assertThat(text.header("Content-Type")).startsWith("text/plain");
		Map<String, String> env = new LinkedHashMap<>();
		for (String line : text.text().split("\n")) {
			assertThat(line).as("an --env-file line needs no quoting").matches("SEEDBANK_[A-Z_]+=[A-Za-z0-9-]+");
			int equals = line.indexOf('=');
			env.put(line.substring(0, equals), line.substring(equals + 1));
		}
		assertThat(env).containsEntry("SEEDBANK_EXPERIMENT_ID", id)
			.containsEntry("SEEDBANK_GLOBAL_SEED", "40")
			.containsEntry("SEEDBANK_PROCESS_SEED", "45")
			.containsEntry("SEEDBANK_DATA_SEED", "40")
			.containsEntry("SEEDBANK_LOADER_SEED", "45")
			.containsEntry("SEEDBANK_WORLD_SIZE", "8")
			.containsEntry("SEEDBANK_RANK", "5");
		json.json()
			.get("env")
			.properties()
			.forEach((entry) -> assertThat(env).containsEntry(entry.getKey(), entry.getValue().asString()));
	}

	@Test
	void aLargeWorldIsServedInPagesOfAtMost4096Ranks() {
		String id = this.experiments.create("composer", "0.28.0", 1, "LINKED", 5000);
		JsonNode first = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		assertThat(first.get("fromRank").asInt()).isZero();
		assertThat(first.get("toRank").asInt()).isEqualTo(4096);
		assertThat(first.get("nextFromRank").asInt()).isEqualTo(4096);
		assertThat(first.get("ranks")).hasSize(4096);
		JsonNode last = this.http.get("/api/v1/experiments/" + id + "/manifest?fromRank=4096").json();
		assertThat(last.get("ranks")).hasSize(904);
		assertThat(last.get("ranks").get(903).get("processSeed").asInt()).isEqualTo(5000);
		assertThat(last.get("nextFromRank").isNull()).isTrue();
		JsonNode middle = this.http.get("/api/v1/experiments/" + id + "/manifest?fromRank=10&toRank=12").json();
		assertThat(middle.get("ranks").findValues("rank").stream().map(JsonNode::asInt)).containsExactly(10, 11);
		assertThat(middle.get("nextFromRank").asInt()).isEqualTo(12);
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/manifest?fromRank=0&toRank=4097"), 400, "toRank");
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/manifest?fromRank=5000"), 400, "fromRank");
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/manifest?fromRank=-1"), 400, "fromRank");
	}

	@Test
	void aRankOutsideTheWorldIsA400NamingRank() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 4);
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/ranks/4/manifest"), 400, "rank");
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/ranks/-1/manifest"), 400, "rank");
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/ranks/4/manifest", "Accept", "text/plain"), 400,
				"rank");
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/ranks/x/manifest"), 400, "rank");
	}

	@Test
	void anUnknownOrMalformedIdIsAProblem() {
		String unknown = UUID.randomUUID().toString();
		Response missing = this.http.get("/api/v1/experiments/" + unknown + "/manifest");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/not-found");
		assertThat(this.http.get("/api/v1/experiments/" + unknown + "/ranks/0/manifest").status()).isEqualTo(404);
		assertThat(
				this.http.get("/api/v1/experiments/" + unknown + "/ranks/0/manifest", "Accept", "text/plain").status())
			.isEqualTo(404);
		assertProblem(this.http.get("/api/v1/experiments/not-a-uuid/manifest"), 400, "id");
	}

	static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		assertThat(response.text()).doesNotContain("Exception");
	}

}
