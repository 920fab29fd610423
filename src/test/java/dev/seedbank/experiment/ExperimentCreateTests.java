package dev.seedbank.experiment;

import java.math.BigInteger;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.seedbank.experiment.ExperimentBodies.body;
import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentCreateTests {

	private static final String MIN_SEED = "-9223372036854775808";

	private static final String MAX_SEED = "18446744073709551615";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void createdExperimentIsReadBackWithItsETagAndLocation() {
		String name = uniqueName("roundtrip");
		Response created = this.http.post("/api/v1/experiments", body(name));
		assertThat(created.status()).isEqualTo(201);
		JsonNode json = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/experiments/" + json.get("id").asString());
		assertThat(created.header("ETag")).isEqualTo("\"v0\"");
		assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(json.get("createdBy").asString()).isNotBlank();
		assertThat(json.get("effectiveDataSeed").bigIntegerValue()).isEqualTo(BigInteger.valueOf(17));

		Response read = this.http.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(json);
		assertThat(read.header("ETag")).isEqualTo("\"v0\"");
		assertThat(this.http.get(created.header("Location"), "If-None-Match", "\"v0\"").status()).isEqualTo(304);
		assertThat(this.http.get(created.header("Location"), "If-None-Match", "\"v9\"").status()).isEqualTo(200);
	}

	@Test
	void seedsAtBothEndsOfTorchsRangeRoundTripExactly() {
		String name = uniqueName("extreme-seeds");
		Response created = this.http.post("/api/v1/experiments", body(name, MIN_SEED, MAX_SEED, "HYBRID"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.text()).contains("\"globalSeed\":" + MIN_SEED)
			.contains("\"dataSeed\":" + MAX_SEED)
			.contains("\"effectiveDataSeed\":" + MAX_SEED);
		String read = this.http.get(created.header("Location")).text();
		assertThat(read).contains("\"globalSeed\":" + MIN_SEED).contains("\"dataSeed\":" + MAX_SEED);
		BigInteger stored = this.jdbc
			.queryForObject("select data_seed from experiment where name = ?", java.math.BigDecimal.class, name)
			.toBigIntegerExact();
		assertThat(stored).isEqualTo(new BigInteger(MAX_SEED));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					seed 2^64                  | "globalSeed": 17           | "globalSeed": 18446744073709551616  | globalSeed
					seed below -2^63           | "globalSeed": 17           | "globalSeed": -9223372036854775809  | globalSeed
					fractional seed            | "globalSeed": 17           | "globalSeed": 17.5                  | globalSeed
					seed as string             | "globalSeed": 17           | "globalSeed": "17"                  | globalSeed
					typo in a field name       | "globalSeed": 17           | "globalseed": 17                    | globalseed
					world size 0               | "worldSize": 4             | "worldSize": 0                      | sampler.worldSize
					negative dataset size      | "datasetSize": 1000        | "datasetSize": -1                   | sampler.datasetSize
					dataset over the maximum   | "datasetSize": 1000        | "datasetSize": 1099511627777        | sampler.datasetSize
					shuffle as a number        | "shuffle": true            | "shuffle": 1                        | sampler.shuffle
					unknown framework          | "framework": "torch"       | "framework": "jax"                  | framework
					unknown policy             | "dataSeedPolicy": "LINKED" | "dataSeedPolicy": "RANDOM"          | dataSeedPolicy
					missing sampler            | "sampler": {"datasetSize": 1000, "worldSize": 4, "shuffle": true, "dropLast": false}, | | sampler
					""")
	void badInputIsA400NamingTheFieldAndStoresNothing(String label, String original, String replacement, String field) {
		String name = uniqueName("bad");
		String bad = body(name).replace(original, (replacement != null) ? replacement : "");
		assertThat(bad).as("the test must change the body").isNotEqualTo(body(name));
		Response response = this.http.post("/api/v1/experiments", bad);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://seedbank.dev/problems/validation");
		assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at dev.seedbank");
		assertThat(storedWithName(name)).isZero();
	}

	@Test
	void nameOver200CharactersIsRejected() {
		String name = "n".repeat(201);
		Response response = this.http.post("/api/v1/experiments", body(name));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("name");
		assertThat(storedWithName(name)).isZero();
	}

	@Test
	void aSamplerTheNamedTorchCannotBuildIsA422AndNothingIsStored() {
		String name = uniqueName("old-torch");
		String body = body(name, "17", "null", "LINKED").replace("\"torchVersion\": \"2.5.1\"",
				"\"torchVersion\": \"1.5.0\"");
		Response response = this.http.post("/api/v1/experiments", body);
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).endsWith("/torch-would-raise");
		assertThat(response.json().get("detail").asString()).contains("'seed'");
		assertThat(storedWithName(name)).isZero();
		Response unknown = this.http.post("/api/v1/experiments",
				body(name).replace("\"torchVersion\": \"2.5.1\"", "\"torchVersion\": \"1.13.7\""));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("torchVersion");
	}

	@Test
	void malformedJsonIsA400Problem() {
		Response response = this.http.post("/api/v1/experiments", "{\"name\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/malformed-body");
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

	@Test
	void duplicateNameIsA409() {
		String name = uniqueName("dup");
		assertThat(this.http.post("/api/v1/experiments", body(name)).status()).isEqualTo(201);
		Response second = this.http.post("/api/v1/experiments", body(name, "18", "null", "LINKED"));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("type").asString()).endsWith("/name-taken");
		assertThat(storedWithName(name)).isEqualTo(1);
	}

	@Test
	void unknownIdIsA404ProblemAndAMalformedIdA400() {
		Response missing = this.http.get("/api/v1/experiments/00000000-0000-0000-0000-000000000000");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("type").asString()).endsWith("/not-found");
		Response malformed = this.http.get("/api/v1/experiments/not-a-uuid");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("id");
	}

	@Test
	void unknownRoutesAndMethodsAreProblemsToo() {
		Response route = this.http.get("/api/v1/nothing-here");
		assertThat(route.status()).isEqualTo(404);
		assertThat(route.header("Content-Type")).startsWith("application/problem+json");
		assertThat(route.json().get("type").asString()).endsWith("/not-found");
		Response method = this.http.send("DELETE", "/api/v1/experiments", new byte[0]);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.json().get("type").asString()).endsWith("/method-not-allowed");
		Response media = this.http.send("POST", "/api/v1/experiments", "x".getBytes(), "Content-Type", "text/plain");
		assertThat(media.status()).isEqualTo(415);
		assertThat(media.header("Content-Type")).startsWith("application/problem+json");
	}

	private int storedWithName(String name) {
		return this.jdbc.queryForObject("select count(*) from experiment where name = ?", Integer.class, name);
	}

}
