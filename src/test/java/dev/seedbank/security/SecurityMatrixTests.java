package dev.seedbank.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of API.md and the token API, called with every kind of credential. An
 * endpoint whose controller may not exist yet (index orders, manifests) is checked for
 * the authorization outcome only: for a sufficient role anything but 401 and 403.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp admin;

	String experimentId;

	/** Credential name to the bearer token sent, {@code null} for none. */
	final java.util.Map<Credential, String> tokens = new java.util.EnumMap<>(Credential.class);

	@BeforeAll
	void createTokensAndAnExperiment() {
		this.admin = new TestHttp(this.port);
		this.tokens.put(Credential.NONE, null);
		this.tokens.put(Credential.BAD, TokenSecrets.generate());
		this.tokens.put(Credential.READER, create("matrix-reader", "READER"));
		this.tokens.put(Credential.WRITER, create("matrix-writer", "WRITER"));
		this.tokens.put(Credential.ADMIN, create("matrix-admin", "ADMIN"));
		String revoked = create("matrix-revoked", "ADMIN");
		String revokedId = this.admin.get("/api/v1/tokens")
			.json()
			.valueStream()
			.filter((token) -> token.get("name").asString().equals("matrix-revoked"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		assertThat(this.admin.send("DELETE", "/api/v1/tokens/" + revokedId, new byte[0]).status()).isEqualTo(204);
		this.tokens.put(Credential.REVOKED, revoked);
		String expired = TokenSecrets.generate();
		Instant now = Instant.now();
		this.jdbc.update(
				"insert into api_token (id, name, role, token_sha256, created_at, created_by, expires_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), "matrix-expired", "ADMIN", HexFormat.of().formatHex(TokenSecrets.sha256(expired)),
				Timestamp.from(now.minus(2, ChronoUnit.DAYS)), "test", Timestamp.from(now.minusSeconds(1)));
		this.tokens.put(Credential.EXPIRED, expired);
		Response created = this.admin.post("/api/v1/experiments", experiment());
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		this.experimentId = created.json().get("id").asString();
	}

	private String create(String name, String role) {
		Response created = this.admin.post("/api/v1/tokens", """
				{"name": "%s", "role": "%s"}""".formatted(name, role));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private static String experiment() {
		return """
				{"name": "matrix-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeed": null, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 100, "worldSize": 2}}""".formatted(UUID.randomUUID());
	}

	Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			for (Credential credential : Credential.values()) {
				cases.add(Arguments.of(endpoint, credential));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("matrix")
	void everyEndpointWithEveryCredential(Endpoint endpoint, Credential credential) {
		TestHttp http = this.admin.withToken(this.tokens.get(credential));
		String path = endpoint.path.replace("{id}", this.experimentId);
		byte[] body = endpoint.body.replace("{experiment}", experiment()).getBytes();
		Response response = http.send(endpoint.method, path, body, "Content-Type", "application/json");
		String description = endpoint + " with " + credential + ": " + response.text();
		if (credential.role == null) {
			assertThat(response.status()).as(description).isEqualTo(401);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/unauthorized");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		else if (credential.role.compareTo(endpoint.role) < 0) {
			assertThat(response.status()).as(description).isEqualTo(403);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/forbidden");
		}
		else if (endpoint.expected != 0) {
			assertThat(response.status()).as(description).isEqualTo(endpoint.expected);
		}
		else {
			assertThat(response.status()).as(description).isNotIn(401, 403);
		}
		if (this.tokens.get(credential) != null) {
			assertThat(response.text()).doesNotContain(this.tokens.get(credential));
		}
	}

	enum Credential {

		NONE(null), BAD(null), EXPIRED(null), REVOKED(null), READER(Role.READER), WRITER(Role.WRITER),
		ADMIN(Role.ADMIN);

		/** The role the credential authenticates as; {@code null} when it does not. */
		final Role role;

		Credential(Role role) {
			this.role = role;
		}

	}

	/** Each endpoint, the lowest role it needs and, where it exists here, its status. */
	enum Endpoint {

		CREATE_EXPERIMENT("POST", "/api/v1/experiments", "{experiment}", Role.WRITER, 201),
		GET_EXPERIMENT("GET", "/api/v1/experiments/{id}", "", Role.READER, 200),
		SEARCH_EXPERIMENTS("GET", "/api/v1/experiments?size=1", "", Role.READER, 200),
		PATCH_EXPERIMENT("PATCH", "/api/v1/experiments/{id}", "{\"description\": \"x\"}", Role.WRITER, 428),
		EXPERIMENT_AUDIT("GET", "/api/v1/experiments/{id}/audit", "", Role.READER, 200),
		CREATE_TOKEN("POST", "/api/v1/tokens", "{\"name\": \"matrix-made\", \"role\": \"READER\"}", Role.ADMIN, 201),
		LIST_TOKENS("GET", "/api/v1/tokens", "", Role.ADMIN, 200),
		REVOKE_TOKEN("DELETE", "/api/v1/tokens/" + UUID.randomUUID(), "", Role.ADMIN, 404),
		STATELESS_INDICES("GET", "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0", "",
				Role.READER, 0),
		STREAMING_INDICES("POST", "/api/v1/samplers/streaming/indices", "{\"shardSizes\": [3, 4]}", Role.READER, 200),
		RANDOM_INDICES("GET", "/api/v1/samplers/random/indices?datasetSize=10&seed=1", "", Role.READER, 200),
		ACCELERATE_INDICES("GET",
				"/api/v1/samplers/accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&batchSize=2&seed=1",
				"", Role.READER, 200),
		HF_DATASETS_INDICES("GET", "/api/v1/samplers/hf-datasets/indices?datasetSize=10&seed=1", "", Role.READER, 200),
		STATELESS_WORKERS("GET", "/api/v1/seeds/workers?loaderSeed=1&epoch=0&numWorkers=2", "", Role.READER, 200),
		INDICES("GET", "/api/v1/experiments/{id}/epochs/0/ranks/0/indices", "", Role.READER, 0),
		VERIFY("POST", "/api/v1/experiments/{id}/epochs/0/ranks/0/verify",
				"{\"sha256\": \"" + "0".repeat(64) + "\", \"count\": 50}", Role.READER, 0),
		MANIFEST("GET", "/api/v1/experiments/{id}/manifest", "", Role.READER, 0),
		RANK_MANIFEST("GET", "/api/v1/experiments/{id}/ranks/0/manifest", "", Role.READER, 0),
		WORKERS("GET", "/api/v1/experiments/{id}/ranks/0/epochs/0/workers?numWorkers=2", "", Role.READER, 0),
		COMPARE("GET", "/api/v1/experiments/compare?left={id}&right={id}", "", Role.READER, 0),
		APPEND_SEGMENT("POST", "/api/v1/experiments/{id}/segments",
				"{\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 10, \"resume\": \"exact\"}", Role.WRITER, 201),
		SEGMENTS("GET", "/api/v1/experiments/{id}/segments", "", Role.READER, 200),
		SEGMENT_INDICES("GET", "/api/v1/experiments/{id}/segments/0/epochs/0/ranks/0/indices", "", Role.READER, 200),
		COVERAGE("GET", "/api/v1/experiments/{id}/epochs/0/coverage", "", Role.READER, 200),
		STEP_SAMPLES("GET", "/api/v1/experiments/{id}/epochs/0/steps/0/samples?batchSize=5", "", Role.READER, 200),
		CERTIFY("POST", "/api/v1/experiments/{id}/epochs/0/ranks/0/certificates",
				"{\"sha256\": \"" + "0".repeat(64) + "\", \"count\": 50, \"segment\": 0}", Role.WRITER, 201),
		CERTIFICATES("GET", "/api/v1/experiments/{id}/certificates", "", Role.READER, 200),
		RESUME_AUDIT("POST", "/api/v1/experiments/{id}/resume-audit",
				"{\"epoch\": 0, \"startSample\": 10, \"worldSize\": 2, \"rank\": 0, \"observed\": [1]}", Role.READER,
				200),
		LINT("POST", "/api/v1/lint/distributed", "{\"datasetSize\": 10, \"worldSize\": 2, \"seeds\": [1, 2]}",
				Role.READER, 200);

		final String method;

		final String path;

		final String body;

		final Role role;

		/** The status for a sufficient role, or 0 for "anything but 401 or 403". */
		final int expected;

		Endpoint(String method, String path, String body, Role role, int expected) {
			this.method = method;
			this.path = path;
			this.body = body;
			this.role = role;
			this.expected = expected;
		}

	}

}
