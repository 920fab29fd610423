package dev.seedbank.experiment;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.seedbank.experiment.ExperimentBodies.body;
import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentAmendTests {

	@LocalServerPort
	int port;

	TestHttp http;

	String location;

	@BeforeEach
	void createOne() {
		this.http = new TestHttp(this.port);
		Response created = this.http.post("/api/v1/experiments", body(uniqueName("amend")));
		assertThat(created.status()).isEqualTo(201);
		this.location = created.header("Location");
	}

	@Test
	void descriptionTagsAndStatusChangeWithTheCurrentETag() {
		Response patched = this.http.patch(this.location,
				"{\"description\": \"rerun\", \"tags\": {\"team\": \"nlp\", \"sweep\": \"b\"}, \"status\": \"ARCHIVED\"}",
				"If-Match", "\"v0\"");
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"v1\"");
		JsonNode read = this.http.get(this.location).json();
		assertThat(read.get("description").asString()).isEqualTo("rerun");
		assertThat(read.get("tags").get("sweep").asString()).isEqualTo("b");
		assertThat(read.get("status").asString()).isEqualTo("ARCHIVED");
		assertThat(read.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void withoutIfMatchIs428AndAStaleETagIs412() {
		Response missing = this.http.patch(this.location, "{\"description\": \"x\"}");
		assertThat(missing.status()).isEqualTo(428);
		assertThat(missing.json().get("type").asString()).endsWith("/precondition-required");

		assertThat(this.http.patch(this.location, "{\"description\": \"x\"}", "If-Match", "\"v0\"").status())
			.isEqualTo(200);
		Response stale = this.http.patch(this.location, "{\"description\": \"y\"}", "If-Match", "\"v0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
		assertThat(this.http.get(this.location).json().get("description").asString()).isEqualTo("x");
	}

	/**
	 * Issue 16.6, RFC 9110 section 13.1.1: If-Match uses the strong comparison, so a weak
	 * tag never matches, even one naming the current version.
	 */
	@ParameterizedTest(name = "If-Match: {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "W/\"v0\"", "W/\"v0\", W/\"v1\"", "W/*" })
	void aWeakTagNeverMatches(String ifMatch) {
		Response weak = this.http.patch(this.location, "{\"description\": \"x\"}", "If-Match", ifMatch);
		assertThat(weak.status()).as(weak.text()).isEqualTo(412);
		assertThat(weak.json().get("type").asString()).endsWith("/precondition-failed");
		assertThat(this.http.get(this.location).json().get("version").asLong()).isZero();
	}

	/**
	 * RFC 9110 section 13.1.1: {@code *} matches any current representation, and a list
	 * matches when any member does.
	 */
	@ParameterizedTest(name = "If-Match: {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "*", " * ", "\"v7\", \"v0\"", "W/\"v0\", \"v0\"" })
	void aStarOrAListNamingTheCurrentTagMatches(String ifMatch) {
		Response patched = this.http.patch(this.location, "{\"description\": \"x\"}", "If-Match", ifMatch);
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"v1\"");
	}

	@Test
	void aStarOnAnUnknownRecordIsNotFound() {
		Response response = this.http.patch("/api/v1/experiments/" + java.util.UUID.randomUUID(),
				"{\"description\": \"x\"}", "If-Match", "*");
		assertThat(response.status()).isEqualTo(404);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			globalSeed       | {"globalSeed": 18}
			dataSeedPolicy   | {"dataSeedPolicy": "INDEPENDENT"}
			torchVersion     | {"torchVersion": "2.6.0"}
			framework        | {"framework": "composer"}
			sampler          | {"sampler": {"worldSize": 8}}
			name             | {"name": "renamed"}
			""")
	void changingAReplayDefiningFieldIs409NamingIt(String field, String patch) {
		Response response = this.http.patch(this.location, patch, "If-Match", "\"v0\"");
		assertThat(response.status()).as(response.text()).isEqualTo(409);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).endsWith("/immutable-field");
		assertThat(problem.get("detail").asString()).contains(field).contains("create a new experiment");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
		assertThat(this.http.get(this.location).json().get("version").asLong()).isZero();
	}

	@Test
	void repeatingAReplayFieldUnchangedIsAccepted() {
		Response response = this.http.patch(this.location, "{\"globalSeed\": 17, \"description\": \"same seed\"}",
				"If-Match", "\"v0\"");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	@Test
	void unknownFieldsAndBadValuesAre400() {
		Response unknown = this.http.patch(this.location, "{\"descripton\": \"typo\"}", "If-Match", "\"v0\"");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("descripton");
		Response badStatus = this.http.patch(this.location, "{\"status\": \"DELETED\"}", "If-Match", "\"v0\"");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.json().get("errors").findValuesAsString("field")).containsExactly("status");
		assertThat(this.http.get(this.location).json().get("version").asLong()).isZero();
	}

}
