package dev.seedbank.experiment;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static dev.seedbank.experiment.ExperimentBodies.withSampler;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of every sampler kind over HTTP on PostgreSQL: what is stored and read back,
 * what is refused (and then not stored), what can never change, and that records of the
 * turn-one shape, rows written before V20 included, read as they always did.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SamplerKindRecordsTests {

	static final List<SamplerKinds> KINDS = SamplerKinds.ALL;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void eachKindIsStoredAndReadBackWithEverySettingResolved(SamplerKinds kind) {
		String name = uniqueName("kind-" + kind.kind());
		Response created = this.http.post("/api/v1/experiments",
				withSampler(name, "torch", "2.5.1", kind.sampler(), null));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode read = this.http.get(created.header("Location")).json();
		JsonNode sampler = read.get("sampler");
		assertThat(sampler.get("kind").asString()).isEqualTo(kind.kind());
		assertThat(read.get("seedWorkers").asBoolean()).isFalse();
		assertThat(read.get("effectiveDataSeed").asLong()).isEqualTo(17);
		assertThat(sampler).isEqualTo(created.json().get("sampler"));
		assertThat(this.jdbc.queryForObject("select sampler_kind from experiment where name = ?", String.class, name))
			.isEqualTo(kind.kind());
		switch (kind.kind()) {
			case "distributed" -> {
				assertThat(fieldNames(sampler)).containsExactly("kind", "datasetSize", "worldSize", "shuffle",
						"dropLast");
				assertThat(sampler.get("shuffle").asBoolean()).isTrue();
				assertThat(this.jdbc.queryForObject("select sampler_settings is null from experiment where name = ?",
						Boolean.class, name))
					.isTrue();
			}
			case "random" -> {
				assertThat(fieldNames(sampler)).containsExactly("kind", "datasetSize", "numSamples", "replacement",
						"dataLoader");
				assertThat(sampler.get("numSamples").asLong()).isEqualTo(150);
				assertThat(sampler.get("replacement").asBoolean()).isFalse();
			}
			case "accelerate" -> {
				assertThat(fieldNames(sampler)).containsExactly("kind", "datasetSize", "numProcesses", "batchSize",
						"shuffle", "dropLast", "evenBatches", "splitBatches", "accelerateVersion");
				assertThat(sampler.get("evenBatches").asBoolean()).isFalse();
				assertThat(sampler.get("shuffle").asBoolean()).isTrue();
				// The default release is recorded, so a newer seedbank replays the same
				// order.
				assertThat(sampler.get("accelerateVersion").asString()).isEqualTo("1.15.0");
			}
			case "hf-datasets" -> {
				assertThat(fieldNames(sampler)).containsExactly("kind", "datasetSize", "numShards", "contiguous",
						"datasetsVersion");
				assertThat(sampler.get("datasetsVersion").asString()).isEqualTo("5.0.1");
			}
			default -> {
				assertThat(sampler.get("shardSizes").valueStream().map(JsonNode::asLong)).containsExactly(30L, 25L,
						48L);
				assertThat(sampler.get("shuffleAlgo").isNull()).isTrue();
				assertThat(sampler.get("ranksPerNode").asInt()).isEqualTo(2);
				assertThat(sampler.get("streamingVersion").asString()).isEqualTo("0.14.0.dev0");
			}
		}
		// The summary columns: the spec's length and its number of ranks.
		assertThat(this.jdbc.queryForObject("select world_size from experiment where name = ?", Long.class, name))
			.isEqualTo(kind.spec().ranks());
	}

	@Test
	void aStreamingRecordOfFiftyThousandShardsIsAcceptedAndServed() {
		String shards = LongStream.range(0, 50_000)
			.mapToObj((i) -> Long.toString(10 + i % 7))
			.collect(Collectors.joining(", ", "[", "]"));
		String sampler = "{\"kind\": \"streaming\", \"shardSizes\": " + shards
				+ ", \"shuffle\": true, \"numCanonicalNodes\": 8, \"numPhysicalNodes\": 2, \"ranksPerNode\": 4}";
		Response created = this.http.post("/api/v1/experiments",
				withSampler(uniqueName("streaming-50k"), "composer", "0.28.0", sampler, null));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode read = this.http.get(created.header("Location")).json();
		assertThat(read.get("sampler").get("shardSizes")).hasSize(50_000);
		assertThat(read.get("sampler").get("shardSizes").get(49_999).asLong()).isEqualTo(10 + 49_999 % 7);
		String id = read.get("id").asString();
		long[] sizes = LongStream.range(0, 50_000).map((i) -> 10 + i % 7).toArray();
		SamplerSpec spec = new StreamingSpec(sizes, true, null, 8, null, null, 2, 4, null, null, null, "0.14.0.dev0");
		Response rank5 = this.http.get("/api/v1/experiments/" + id + "/epochs/1/ranks/5/indices", "Accept",
				"application/octet-stream");
		assertThat(rank5.status()).as(rank5.text()).isEqualTo(200);
		assertThat(rank5.header("Seedbank-Order-Sha256")).isEqualTo(
				spec.order(SamplerKinds.SEED, 1, 5, SamplerKinds.TORCH, dev.seedbank.sampling.Randperm::permutation)
					.sha256());
		assertThat(this.http.get("/api/v1/experiments/" + id + "/epochs/1/ranks/8/indices").status()).isEqualTo(400);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown kind                   | {"kind": "tf-data", "datasetSize": 10}                                    | sampler.kind
					kind as a number               | {"kind": 3, "datasetSize": 10, "worldSize": 2}                            | sampler.kind
					another kind's field           | {"kind": "random", "datasetSize": 10, "worldSize": 2}                     | sampler.worldSize
					a made-up field                | {"kind": "hf-datasets", "datasetSize": 10, "shards": 2}                   | sampler.shards
					distributed field on old shape | {"datasetSize": 10, "worldSize": 2, "numShards": 2}                       | sampler.numShards
					shard count as a string        | {"kind": "hf-datasets", "datasetSize": 10, "numShards": "2"}              | sampler.numShards
					zero shards                    | {"kind": "hf-datasets", "datasetSize": 10, "numShards": 0}                | sampler.numShards
					missing dataset size           | {"kind": "random", "numSamples": 3}                                       | sampler.datasetSize
					fractional sample count        | {"kind": "random", "datasetSize": 10, "numSamples": 2.5}                  | sampler.numSamples
					replacement as a string        | {"kind": "random", "datasetSize": 10, "replacement": "no"}                | sampler.replacement
					missing batch size             | {"kind": "accelerate", "datasetSize": 10, "numProcesses": 2}              | sampler.batchSize
					unsupported accelerate release | {"kind": "accelerate", "datasetSize": 10, "numProcesses": 2, "batchSize": 2, "accelerateVersion": "0.9.0"} | sampler.accelerateVersion
					unsupported datasets release   | {"kind": "hf-datasets", "datasetSize": 10, "datasetsVersion": "2.0.0"}    | sampler.datasetsVersion
					no shards                      | {"kind": "streaming", "shardSizes": []}                                   | sampler.shardSizes
					a negative shard               | {"kind": "streaming", "shardSizes": [4, -1]}                              | sampler.shardSizes
					a shard size as a string       | {"kind": "streaming", "shardSizes": [4, "5"]}                             | sampler.shardSizes
					shard sizes as an object       | {"kind": "streaming", "shardSizes": {"a": 1}}                             | sampler.shardSizes
					unknown shuffle algorithm      | {"kind": "streaming", "shardSizes": [4, 5], "shuffleAlgo": "py9"}         | sampler.shuffleAlgo
					dataset size on streaming      | {"kind": "streaming", "shardSizes": [4, 5], "datasetSize": 9}             | sampler.datasetSize
					sampler as an array            | [1, 2]                                                                    | sampler
					""")
	void badSamplerSettingsAre400NamingTheFieldAndStoreNothing(String label, String sampler, String field) {
		String name = uniqueName("bad-kind");
		Response response = this.http.post("/api/v1/experiments", withSampler(name, "torch", "2.5.1", sampler, null));
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/validation");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		assertThat(response.text()).doesNotContain("Exception");
		assertThat(stored(name)).isZero();
	}

	@Test
	void everyUnknownFieldIsNamedAtOnce() {
		String name = uniqueName("bad-kind");
		Response response = this.http.post("/api/v1/experiments", withSampler(name, "torch", "2.5.1",
				"{\"kind\": \"random\", \"datasetSize\": 10, \"worldSize\": 2, \"dropLast\": true, \"numShards\": 1}",
				null));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("sampler.worldSize",
				"sampler.dropLast", "sampler.numShards");
		assertThat(stored(name)).isZero();
	}

	@Test
	void aSeedTheLibraryRefusesIs422AndSeedWorkersOutsideLightningIs400() {
		String name = uniqueName("hf-negative-seed");
		String body = withSampler(name, "torch", "2.5.1", SamplerKinds.HF_DATASETS.sampler(), null)
			.replace("\"globalSeed\": 17", "\"globalSeed\": -5");
		Response negative = this.http.post("/api/v1/experiments", body);
		assertThat(negative.status()).as(negative.text()).isEqualTo(422);
		assertThat(negative.json().get("detail").asString()).contains("non-negative");
		assertThat(stored(name)).isZero();

		Response torchWorkers = this.http.post("/api/v1/experiments",
				withSampler(name, "torch", "2.5.1", SamplerKinds.RANDOM.sampler(), "true"));
		assertThat(torchWorkers.status()).as(torchWorkers.text()).isEqualTo(400);
		assertThat(torchWorkers.json().get("errors").findValuesAsString("field")).containsExactly("seedWorkers");
		Response notBoolean = this.http.post("/api/v1/experiments",
				withSampler(name, "lightning", "2.6.6", SamplerKinds.RANDOM.sampler(), "\"yes\""));
		assertThat(notBoolean.status()).isEqualTo(400);
		assertThat(notBoolean.json().get("errors").findValuesAsString("field")).containsExactly("seedWorkers");
		assertThat(stored(name)).isZero();
	}

	@Test
	void frameworkDefaultIsTheKindsOwnDefaultSeed() {
		String streaming = withSampler(uniqueName("streaming-default"), "composer", "0.28.0",
				SamplerKinds.STREAMING.sampler(), null)
			.replace("\"dataSeedPolicy\": \"LINKED\"", "\"dataSeedPolicy\": \"FRAMEWORK_DEFAULT\"");
		Response created = this.http.post("/api/v1/experiments", streaming);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("effectiveDataSeed").asLong()).isEqualTo(9176);
		assertThat(created.json().get("effectiveDataSeedReason").asString()).contains("shuffle_seed defaults to 9176");
		String id = created.json().get("id").asString();
		Response rank1 = this.http.get("/api/v1/experiments/" + id + "/epochs/0/ranks/1/indices");
		assertThat(rank1.header("Seedbank-Order-Sha256")).isEqualTo(SamplerKinds.STREAMING.spec()
			.order(java.math.BigInteger.valueOf(9176), 0, 1, SamplerKinds.TORCH,
					dev.seedbank.sampling.Randperm::permutation)
			.sha256());
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		assertThat(manifest.get("effectiveDataSeed").asLong()).isEqualTo(9176);
		assertThat(manifest.get("ranks").get(1).get("calls").valueStream().map(JsonNode::asString))
			.anyMatch((call) -> call.contains("shuffle_seed=9176"));

		Response accelerate = this.http
			.post("/api/v1/experiments",
					withSampler(uniqueName("accelerate-default"), "accelerate", "1.15.0",
							SamplerKinds.ACCELERATE.sampler(), null)
						.replace("\"dataSeedPolicy\": \"LINKED\"", "\"dataSeedPolicy\": \"FRAMEWORK_DEFAULT\""));
		assertThat(accelerate.status()).as(accelerate.text()).isEqualTo(201);
		assertThat(accelerate.json().get("effectiveDataSeed").asLong()).isEqualTo(17);

		String name = uniqueName("no-default");
		Response deviceSpecific = this.http.post("/api/v1/experiments",
				withSampler(name, "accelerate", "1.15.0", SamplerKinds.ACCELERATE.sampler(), null).replace(
						"\"dataSeedPolicy\": \"LINKED\"",
						"\"dataSeedPolicy\": \"FRAMEWORK_DEFAULT\", \"deviceSpecific\": true"));
		assertThat(deviceSpecific.status()).as(deviceSpecific.text()).isEqualTo(422);
		assertThat(deviceSpecific.json().get("errors").findValuesAsString("field")).containsExactly("deviceSpecific");
		for (SamplerKinds kind : List.of(SamplerKinds.RANDOM, SamplerKinds.HF_DATASETS)) {
			Response refused = this.http.post("/api/v1/experiments",
					withSampler(name, "torch", "2.5.1", kind.sampler(), null).replace("\"dataSeedPolicy\": \"LINKED\"",
							"\"dataSeedPolicy\": \"FRAMEWORK_DEFAULT\""));
			assertThat(refused.status()).as(refused.text()).isEqualTo(400);
			assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("dataSeedPolicy");
		}
		assertThat(stored(name)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			sampler     | {"sampler": {"numShards": 4}}
			sampler     | {"sampler": {"kind": "distributed"}}
			seedWorkers | {"seedWorkers": true}
			""")
	void samplerSettingsAndSeedWorkersNeverChange(String field, String patch) {
		Response created = this.http.post("/api/v1/experiments",
				withSampler(uniqueName("patch-kind"), "lightning", "2.6.6", SamplerKinds.HF_DATASETS.sampler(), null));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String location = created.header("Location");
		Response response = this.http.patch(location, patch, "If-Match", "\"v0\"");
		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
		JsonNode after = this.http.get(location).json();
		assertThat(after.get("version").asLong()).isZero();
		assertThat(after.get("sampler").get("numShards").asInt()).isEqualTo(3);
		// The same values again are no change, and the mutable fields still change.
		Response same = this.http.patch(location,
				"{\"sampler\": {\"kind\": \"hf-datasets\", \"numShards\": 3}, \"seedWorkers\": false, "
						+ "\"description\": \"same sampler\"}",
				"If-Match", "\"v0\"");
		assertThat(same.status()).as(same.text()).isEqualTo(200);
	}

	@Test
	void repeatingAStreamingRecordsShardSizesIsNoChangeAndChangingOneIs409() {
		Response created = this.http.post("/api/v1/experiments",
				withSampler(uniqueName("patch-shards"), "composer", "0.28.0", SamplerKinds.STREAMING.sampler(), null));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String location = created.header("Location");
		Response same = this.http.patch(location,
				"{\"sampler\": {\"shardSizes\": [30, 25, 48]}, \"description\": \"same shards\"}", "If-Match",
				"\"v0\"");
		assertThat(same.status()).as(same.text()).isEqualTo(200);
		Response changed = this.http.patch(location, "{\"sampler\": {\"shardSizes\": [30, 25, 49]}}", "If-Match",
				"\"v1\"");
		assertThat(changed.status()).as(changed.text()).isEqualTo(409);
		assertThat(changed.json().get("errors").findValuesAsString("field")).containsExactly("sampler");
	}

	@Test
	void aRowWrittenBeforeV20IsADistributedRecordAndServesTheStatelessOrder() {
		UUID id = UUID.randomUUID();
		String name = uniqueName("pre-v20");
		// Only the columns V1 knows: what a row written before this migration holds.
		this.jdbc.update("""
				insert into experiment (id, name, framework, framework_version, torch_version, global_seed,
				  data_seed_policy, effective_data_seed, effective_data_seed_reason, device_specific, dataset_size,
				  world_size, shuffle, drop_last, status, created_at, created_by, updated_at, version)
				values (?, ?, 'torch', '2.5.1', '2.5.1', 9, 'LINKED', 9, 'LINKED', false, 500, 4, true, true,
				  'ACTIVE', now(), 'test', now(), 0)""", id, name);
		JsonNode read = this.http.get("/api/v1/experiments/" + id).json();
		assertThat(read.get("sampler").toString()).isEqualTo(
				"{\"kind\":\"distributed\",\"datasetSize\":500,\"worldSize\":4,\"shuffle\":true,\"dropLast\":true}");
		assertThat(read.get("seedWorkers").asBoolean()).isFalse();
		for (int rank = 0; rank < 4; rank++) {
			Response recorded = this.http.get("/api/v1/experiments/" + id + "/epochs/2/ranks/" + rank + "/indices",
					"Accept", "application/octet-stream");
			Response stateless = this.http.get(
					"/api/v1/samplers/distributed/indices?datasetSize=500&worldSize=4"
							+ "&dropLast=true&seed=9&epoch=2&torchVersion=2.5.1&rank=" + rank,
					"Accept", "application/octet-stream");
			assertThat(recorded.status()).isEqualTo(200);
			assertThat(recorded.body()).isEqualTo(stateless.body());
		}
	}

	@Test
	void theTurnOneBodyStillCreatesTheSameRecord() {
		Response created = this.http.post("/api/v1/experiments", ExperimentBodies.body(uniqueName("turn-one")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("sampler").toString()).isEqualTo(
				"{\"kind\":\"distributed\",\"datasetSize\":1000,\"worldSize\":4,\"shuffle\":true,\"dropLast\":false}");
	}

	private static List<String> fieldNames(JsonNode node) {
		return List.copyOf(node.propertyNames());
	}

	private int stored(String name) {
		return this.jdbc.queryForObject("select count(*) from experiment where name = ?", Integer.class, name);
	}

}
