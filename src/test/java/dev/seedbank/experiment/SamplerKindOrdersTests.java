package dev.seedbank.experiment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.RandomSamplerOrder;
import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.seeds.EpochWorkerSeeds;
import dev.seedbank.seeds.LightningWorkerSeeds;
import dev.seedbank.seeds.WorkerSeed;
import dev.seedbank.seeds.WorkerSeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static dev.seedbank.experiment.ExperimentBodies.withSampler;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a record of every sampler kind serves: each rank's indices (the engine's order for
 * the record's sampler seed, byte for byte), verify, the manifest and its calls, worker
 * seeds (with Lightning's {@code pl_worker_init_function} when {@code seedWorkers}), and
 * compare across kinds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SamplerKindOrdersTests {

	static final List<SamplerKinds> KINDS = SamplerKinds.ALL;

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void everyRanksIndicesAreTheEnginesOrderForTheRecordsSeed(SamplerKinds kind) {
		String id = create(kind, "torch", "2.5.1", null);
		for (int epoch = 0; epoch < 3; epoch++) {
			for (int rank = 0; rank < kind.spec().ranks(); rank++) {
				IndexOrder expected = kind.order(epoch, rank);
				Response binary = this.http.get(indices(id, epoch, rank), "Accept", "application/octet-stream");
				assertThat(binary.status()).as(binary.text()).isEqualTo(200);
				assertThat(binary.body()).as("epoch %d rank %d", epoch, rank).isEqualTo(SamplerKinds.bytes(expected));
				assertThat(binary.header("Seedbank-Order-Sha256")).isEqualTo(expected.sha256());
				assertThat(binary.header("Seedbank-Total-Count")).isEqualTo(Long.toString(expected.length()));
			}
		}
		// A page of JSON, and the rank past the last one.
		JsonNode page = this.http.get(indices(id, 1, 0) + "?offset=2&limit=3").json();
		IndexOrder first = kind.order(1, 0);
		assertThat(page.get("indices").valueStream().map(JsonNode::asLong)).containsExactly(first.get(2), first.get(3),
				first.get(4));
		Response past = this.http.get(indices(id, 0, (int) kind.spec().ranks()));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("errors").findValuesAsString("field")).containsExactly("rank");
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void verifyJudgesAgainstTheKindsOrder(SamplerKinds kind) {
		String id = create(kind, "torch", "2.5.1", null);
		int rank = (int) kind.spec().ranks() - 1;
		IndexOrder expected = kind.order(2, rank);
		JsonNode byDigest = verify(id, 2, rank,
				"{\"sha256\": \"" + expected.sha256() + "\", \"count\": " + expected.length() + "}");
		assertThat(byDigest.get("match").asBoolean()).isTrue();
		assertThat(verify(id, 1, rank, "{\"sha256\": \"" + expected.sha256() + "\"}").get("match").asBoolean())
			.as("another epoch's digest")
			.isEqualTo(kind.order(1, rank).sha256().equals(expected.sha256()));
		List<Long> seen = new ArrayList<>();
		for (long k = 0; k < Math.min(6, expected.length()); k++) {
			seen.add(expected.get(k));
		}
		assertThat(verify(id, 2, rank, "{\"offset\": 0, \"indices\": " + seen + "}").get("match").asBoolean()).isTrue();
		seen.set(3, seen.get(3) + 1000);
		JsonNode mismatch = verify(id, 2, rank, "{\"offset\": 0, \"indices\": " + seen + "}");
		assertThat(mismatch.get("match").asBoolean()).isFalse();
		assertThat(mismatch.get("firstMismatch").get("position").asLong()).isEqualTo(3);
		assertThat(mismatch.get("firstMismatch").get("expected").asLong()).isEqualTo(expected.get(3));
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void theManifestListsEveryRankWithTheKindsCalls(SamplerKinds kind) {
		String id = create(kind, "torch", "2.5.1", null);
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		assertThat(manifest.get("sampler").get("kind").asString()).isEqualTo(kind.kind());
		assertThat(manifest.get("ranks")).hasSize((int) kind.spec().ranks());
		JsonNode last = manifest.get("ranks").get((int) kind.spec().ranks() - 1);
		assertThat(last.get("samplerSeed").asLong()).isEqualTo(17);
		List<String> calls = last.get("calls").valueStream().map(JsonNode::asString).toList();
		assertThat(calls.get(0)).isEqualTo("torch.manual_seed(17)");
		int rank = last.get("rank").asInt();
		String expectedCall = switch (kind.kind()) {
			case "distributed" ->
				"sampler = DistributedSampler(dataset, num_replicas=3, rank=2, shuffle=True, seed=17, "
						+ "drop_last=False)";
			case "random" -> "sampler = RandomSampler(dataset, replacement=False, num_samples=150, generator=g)";
			case "accelerate" -> "loader = prepare_data_loader(DataLoader(dataset, batch_size=8, shuffle=True, "
					+ "drop_last=False), num_processes=3, process_index=2, split_batches=False, even_batches=False, "
					+ "use_seedable_sampler=True, data_seed=17)";
			case "hf-datasets" -> "dataset = dataset.shuffle(seed=17).shard(num_shards=3, index=2, contiguous=False)";
			default -> "dataset = StreamingDataset(..., shuffle=True, shuffle_seed=17, num_canonical_nodes=2, "
					+ "batch_size=4)";
		};
		assertThat(calls).contains(expectedCall);
		JsonNode rankManifest = this.http.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/manifest").json();
		assertThat(rankManifest.get("samplerKind").asString()).isEqualTo(kind.kind());
		assertThat(rankManifest.get("calls")).isEqualTo(last.get("calls"));
		String env = this.http.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/manifest", "Accept", "text/plain")
			.text();
		if (!kind.kind().equals("distributed")) {
			assertThat(env).contains("SEEDBANK_SAMPLER_KIND=" + kind.kind() + "\n");
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void seedWorkersGivesLightningsWorkerSeedsInWorkersAndCalls(SamplerKinds kind) {
		String id = create(kind, "lightning", "2.6.6", "true");
		int rank = (int) kind.spec().ranks() - 1;
		JsonNode workers = this.http
			.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/epochs/2/workers?numWorkers=3")
			.json();
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/manifest").json();
		BigInteger loaderSeed = manifest.get("loaderSeed").bigIntegerValue();
		ReleaseVersion torch = ReleaseVersion.parse("2.5.1");
		EpochWorkerSeeds plain;
		if (kind == SamplerKinds.RANDOM) {
			// One generator for loader and sampler: its seed is the sampler seed.
			assertThat(loaderSeed).isEqualTo(SamplerKinds.SEED);
			plain = WorkerSeeds.forShufflingLoader(loaderSeed, 2, 3, false, 103, false, 150L, SamplerKinds.TORCH);
			assertThat(plain.baseSeed()).isEqualTo(
					RandomSamplerOrder.loaderBaseSeed(SamplerKinds.SEED, 2, 103, false, 150L, SamplerKinds.TORCH));
		}
		else {
			assertThat(loaderSeed).isEqualTo(17);
			plain = WorkerSeeds.forEpoch(loaderSeed, 2, 3, false, torch);
		}
		EpochWorkerSeeds lightning = LightningWorkerSeeds.afterWorkerInit(plain, rank, ReleaseVersion.parse("2.6.6"));
		assertThat(workers.get("baseSeed").asLong()).isEqualTo(plain.baseSeed());
		assertThat(workers.get("workers")).hasSize(3);
		for (int w = 0; w < 3; w++) {
			WorkerSeed expected = lightning.workers().get(w);
			JsonNode actual = workers.get("workers").get(w);
			assertThat(actual.get("seed").bigIntegerValue()).isEqualTo(expected.seed());
			assertThat(actual.get("randomSeed").bigIntegerValue()).isEqualTo(expected.randomSeed());
			assertThat(actual.get("numpySeed").valueStream().map(JsonNode::asLong))
				.containsExactlyElementsOf(expected.numpySeed());
			assertThat(expected.seed()).as("Lightning re-seeds torch").isNotEqualTo(plain.workers().get(w).seed());
		}
		assertThat(manifest.get("seedWorkers").asBoolean()).isTrue();
		assertThat(manifest.get("calls").valueStream().map(JsonNode::asString))
			.contains("seed_everything(17, workers=True)");
		assertThat(manifest.get("env").get("SEEDBANK_SEED_WORKERS").asString()).isEqualTo("true");
		if (kind != SamplerKinds.ACCELERATE) {
			assertThat(manifest.get("calls").valueStream().map(JsonNode::asString))
				.anyMatch((call) -> call.startsWith("DataLoader(") && call
					.endsWith("worker_init_fn=functools.partial(pl_worker_init_function, rank=" + rank + "))"));
		}
	}

	@Test
	void withoutSeedWorkersTheWorkersAreTorchsOwn() {
		String id = create(SamplerKinds.HF_DATASETS, "lightning", "2.6.6", null);
		JsonNode workers = this.http.get("/api/v1/experiments/" + id + "/ranks/1/epochs/0/workers?numWorkers=2").json();
		EpochWorkerSeeds plain = WorkerSeeds.forEpoch(BigInteger.valueOf(17), 0, 2, false,
				ReleaseVersion.parse("2.5.1"));
		assertThat(workers.get("workers").get(1).get("seed").bigIntegerValue())
			.isEqualTo(plain.workers().get(1).seed());
	}

	@Test
	void recordsOfTheSameKindCompareBySettingsAndSeed() {
		String a = create(SamplerKinds.HF_DATASETS, "torch", "2.5.1", null);
		String b = create(SamplerKinds.HF_DATASETS, "lightning", "2.6.6", null);
		JsonNode same = compare(a, b);
		assertThat(same.get("sameDataOrder").asBoolean()).as(same.toString()).isTrue();
		assertThat(same.get("differingSettings")).isEmpty();
		assertThat(same.get("left").get("samplerKind").asString()).isEqualTo("hf-datasets");

		String fourShards = createRaw(
				SamplerKinds.HF_DATASETS.sampler().replace("\"numShards\": 3", "\"numShards\": 4"), "17");
		JsonNode shards = compare(a, fourShards);
		assertThat(shards.get("sameDataOrder").asBoolean()).isFalse();
		assertThat(shards.get("differingSettings").valueStream().map(JsonNode::asString)).containsExactly("numShards");

		String otherSeed = createRaw(SamplerKinds.HF_DATASETS.sampler(), "18");
		JsonNode seeds = compare(a, otherSeed);
		assertThat(seeds.get("sameDataOrder").asBoolean()).isFalse();
		assertThat(seeds.get("differingSettings")).isEmpty();
		assertThat(seeds.get("differingSeeds").valueStream().map(JsonNode::asString)).contains("effectiveDataSeed");
	}

	@Test
	void recordsOfDifferentKindsNeverSeeTheSameOrderAndSayWhichFieldsDiffer() {
		String distributed = create(SamplerKinds.DISTRIBUTED, "torch", "2.5.1", null);
		String hf = create(SamplerKinds.HF_DATASETS, "torch", "2.5.1", null);
		JsonNode comparison = compare(distributed, hf);
		assertThat(comparison.get("sameDataOrder").asBoolean()).isFalse();
		assertThat(comparison.get("differingSettings").valueStream().map(JsonNode::asString)).containsExactly("kind",
				"worldSize", "shuffle", "dropLast", "numShards", "contiguous", "datasetsVersion");
		assertThat(comparison.get("explanation").asString()).contains("distributed").contains("hf-datasets");
		for (SamplerKinds left : KINDS) {
			for (SamplerKinds right : KINDS) {
				if (left != right) {
					JsonNode pair = compare(create(left, "torch", "2.5.1", null),
							create(right, "torch", "2.5.1", null));
					assertThat(pair.get("sameDataOrder").asBoolean()).as(left + " vs " + right).isFalse();
					assertThat(pair.get("differingSettings").get(0).asString()).isEqualTo("kind");
				}
			}
		}
	}

	private String create(SamplerKinds kind, String framework, String frameworkVersion, String seedWorkers) {
		Response created = this.http.post("/api/v1/experiments", withSampler(uniqueName("orders-" + kind.kind()),
				framework, frameworkVersion, kind.sampler(), seedWorkers));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String createRaw(String sampler, String globalSeed) {
		Response created = this.http.post("/api/v1/experiments",
				withSampler(uniqueName("orders-raw"), "torch", "2.5.1", sampler, null).replace("\"globalSeed\": 17",
						"\"globalSeed\": " + globalSeed));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private JsonNode compare(String left, String right) {
		Response response = this.http.get("/api/v1/experiments/compare?left=" + left + "&right=" + right);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private JsonNode verify(String id, int epoch, int rank, String body) {
		Response response = this.http
			.post("/api/v1/experiments/" + id + "/epochs/" + epoch + "/ranks/" + rank + "/verify", body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static String indices(String id, int epoch, int rank) {
		return "/api/v1/experiments/" + id + "/epochs/" + epoch + "/ranks/" + rank + "/indices";
	}

}
