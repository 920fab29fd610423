package dev.seedbank.reliability;

import java.util.UUID;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16.5: a duplicate key is a 400 naming the field (the last one used to win, even
 * for {@code globalSeed}); a lone UTF-16 surrogate is a 400 (PostgreSQL stored it as
 * {@code ?}); a control character in an identifier is a 400 (a NUL in
 * {@code torchVersion} was accepted). Nothing is stored on any of them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictJsonTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	String name;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		this.name = "strict-" + UUID.randomUUID();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			globalSeed        | "globalSeed": 17, "globalSeed": 18
			name              | "name": "other", "globalSeed": 17
			sampler.worldSize | "globalSeed": 17, "sampler": {"datasetSize": 1000, "worldSize": 4, "worldSize": 2}
			tags.team         | "globalSeed": 17, "tags": {"team": "a", "team": "b"}
			""")
	void aDuplicateKeyIsA400NamingIt(String field, String fields) {
		Response response = this.http.post("/api/v1/experiments", create(fields));
		assertInvalid(response, field, "duplicate");
		assertNothingStored();
	}

	@Test
	void aDuplicateKeyInAPatchIsA400NamingIt() {
		Response created = this.http.post("/api/v1/experiments", create("\"globalSeed\": 17"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response response = this.http.patch(created.header("Location"),
				"{\"description\": \"a\", \"description\": \"b\"}", "If-Match", "\"v0\"");
		assertInvalid(response, "description", "duplicate");
		assertThat(this.http.get(created.header("Location")).json().get("version").asLong()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			name        | x\\ud800y  |
			name        | x\\udc00   |
			name        | \\udc00\\ud800 |
			description |            | "description": "ends high \\ud83d",
			tags.team   |            | "tags": {"team": "\\ud800"},
			tags        |            | "tags": {"\\udfff": "vision"},
			""")
	void aLoneSurrogateIsA400(String field, String nameSuffix, String fields) {
		String body = create(((fields != null) ? fields : "") + " \"globalSeed\": 17");
		if (nameSuffix != null) {
			body = body.replace(this.name, this.name + nameSuffix);
		}
		Response response = this.http.post("/api/v1/experiments", body);
		assertInvalid(response, field, "surrogate");
		assertNothingStored();
	}

	@Test
	void aLoneSurrogateInAPatchIsA400() {
		Response created = this.http.post("/api/v1/experiments", create("\"globalSeed\": 17"));
		Response response = this.http.patch(created.header("Location"), "{\"tags\": {\"team\": \"a\\udbff\"}}",
				"If-Match", "\"v0\"");
		assertInvalid(response, "tags.team", "surrogate");
	}

	@Test
	void aSurrogatePairIsStoredExactly() {
		String body = create("\"globalSeed\": 17, \"description\": \"seeds \\ud83c\\udf31\"");
		Response created = this.http.post("/api/v1/experiments", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(this.http.get(created.header("Location")).json().get("description").asString())
			.isEqualTo("seeds \uD83C\uDF31");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			name             | \\u0000
			name             | \\u0007
			name             | \\u001f
			name             | \\u007f
			name             | \\n
			torchVersion     | \\u0000
			frameworkVersion | \\u0000
			tags             | \\t
			tags.team        | \\u0000
			""")
	void aControlCharacterInAnIdentifierIsA400(String field, String character) {
		String fields = switch (field) {
			case "tags" -> "\"globalSeed\": 17, \"tags\": {\"te" + character + "am\": \"vision\"}";
			case "tags.team" -> "\"globalSeed\": 17, \"tags\": {\"team\": \"vi" + character + "sion\"}";
			default -> "\"globalSeed\": 17";
		};
		String body = create(fields);
		body = switch (field) {
			case "name" -> body.replace(this.name, this.name + character);
			case "torchVersion" ->
				body.replace("\"torchVersion\": \"2.5.1\"", "\"torchVersion\": \"2.5.1" + character + "\"");
			case "frameworkVersion" ->
				body.replace("\"frameworkVersion\": \"2.5.1\"", "\"frameworkVersion\": \"2.5.1" + character + "\"");
			default -> body;
		};
		Response response = this.http.post("/api/v1/experiments", body);
		// A version's pattern already refuses everything but a version's characters.
		assertInvalid(response, field, field.endsWith("Version") ? "must be a version" : "control character");
		assertNothingStored();
	}

	@ParameterizedTest
	@ValueSource(strings = { "name=a%00b", "namePrefix=%00", "tag=te%07am:vision" })
	void aControlCharacterInASearchParameterIsA400NamingIt(String query) {
		Response response = this.http.get("/api/v1/experiments?" + query);
		assertInvalid(response, query.substring(0, query.indexOf('=')), "control character");
	}

	@Test
	void aControlCharacterInATagOfAPatchIsA400() {
		Response created = this.http.post("/api/v1/experiments", create("\"globalSeed\": 17"));
		Response response = this.http.patch(created.header("Location"), "{\"tags\": {\"team\": \"a\\u0000\"}}",
				"If-Match", "\"v0\"");
		assertInvalid(response, "tags.team", "control character");
	}

	@ParameterizedTest
	// java.net.http refuses to send any other control character in a header.
	@ValueSource(strings = { "key\tone", "a\t\tb" })
	void aControlCharacterInTheIdempotencyKeyIsA400(String key) {
		Response response = this.http.post("/api/v1/experiments", create("\"globalSeed\": 17"), "Idempotency-Key", key);
		assertInvalid(response, "Idempotency-Key", "control character");
		assertNothingStored();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2.5.1%00", "2.5.1%01", "%002.5.1" })
	void aControlCharacterInATorchVersionParameterIsA400(String torchVersion) {
		Response response = this.http
			.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&torchVersion=" + torchVersion);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("torchVersion");
	}

	/**
	 * A valid create with {@code fields} added; a {@code sampler} among them replaces the
	 * default.
	 */
	private String create(String fields) {
		String sampler = fields.contains("\"sampler\"") ? ""
				: ", \"sampler\": {\"datasetSize\": 1000, \"worldSize\": 4}";
		return "{\"name\": \"" + this.name + "\", \"framework\": \"torch\", \"frameworkVersion\": \"2.5.1\", "
				+ "\"torchVersion\": \"2.5.1\", \"dataSeedPolicy\": \"LINKED\", " + fields + sampler + "}";
	}

	private static void assertInvalid(Response response, String field, String says) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.text()).isEqualTo(field);
		assertThat(response.json().get("detail").asString()).as(response.text()).containsIgnoringCase(says);
	}

	private void assertNothingStored() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM experiment WHERE name LIKE ?", Long.class,
				this.name + "%"))
			.isZero();
	}

}
