package dev.seedbank.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.seedbank.EndToEndTest;
import dev.seedbank.ExperimentJson;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TokenTests extends EndToEndTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTokenIsShownOnceStoredAsItsHashAndNeverListedOrLogged(CapturedOutput output) {
		Response created = this.http.post("/api/v1/tokens", "{\"name\": \"ci-launcher\", \"role\": \"WRITER\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		JsonNode json = created.json();
		String secret = json.get("token").asString();
		assertThat(secret).startsWith("sb_").hasSize(3 + 43).matches("sb_[A-Za-z0-9_-]+");
		assertThat(json.get("role").asString()).isEqualTo("WRITER");
		assertThat(json.get("expiresAt").isNull()).isTrue();
		assertThat(json.get("createdAt").asString()).isNotBlank();

		Response experiment = this.http.withToken(secret)
			.post("/api/v1/experiments",
					ExperimentJson.exactly("token-" + json.get("id").asString())
						.globalSeed("1")
						.datasetSize(10)
						.worldSize(2)
						.without("sampler.shuffle")
						.without("sampler.dropLast")
						.json());
		assertThat(experiment.status()).as(experiment.text()).isEqualTo(201);
		assertThat(experiment.json().get("createdBy").asString()).isEqualTo("ci-launcher");

		Response list = this.http.get("/api/v1/tokens");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).contains(json.get("id").asString())
			.doesNotContain(secret)
			.doesNotContain(TestHttp.BOOTSTRAP_TOKEN)
			.doesNotContain(sha256(secret))
			.doesNotContainIgnoringCase("sha256");

		Map<String, Object> row = this.jdbc.queryForMap("select * from api_token where id = ?::uuid",
				json.get("id").asString());
		assertThat(row.get("token_sha256")).isEqualTo(sha256(secret));
		assertThat(row.values()).noneMatch((value) -> String.valueOf(value).contains(secret));
		assertThat(output.getAll()).doesNotContain(secret)
			.doesNotContain(secret.substring(3))
			.doesNotContain(TestHttp.BOOTSTRAP_TOKEN);
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		Response created = this.http.post("/api/v1/tokens", "{\"name\": \"to-revoke\", \"role\": \"READER\"}");
		String id = created.json().get("id").asString();
		TestHttp reader = this.http.withToken(created.json().get("token").asString());
		assertThat(reader.get("/api/v1/experiments?size=1").status()).isEqualTo(200);

		assertThat(this.http.send("DELETE", "/api/v1/tokens/" + id, new byte[0]).status()).isEqualTo(204);
		Response rejected = reader.get("/api/v1/experiments?size=1");
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(this.http.send("DELETE", "/api/v1/tokens/" + id, new byte[0]).status()).isEqualTo(204);

		JsonNode listed = this.http.get("/api/v1/tokens")
			.json()
			.valueStream()
			.filter((token) -> token.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("revokedAt").isNull()).isFalse();
		assertThat(listed.get("active").asBoolean()).isFalse();
	}

	@Test
	void anExpiringTokenWorksUntilItExpires() throws InterruptedException {
		// Real expiry, not an edit behind the service's back: verified tokens are cached
		// for TokenService.VERIFIED_TOKEN_TTL, and the cached copy must expire on time
		// too.
		Instant expiresAt = Instant.now().plus(3, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
		Response created = this.http.post("/api/v1/tokens",
				"{\"name\": \"short-lived\", \"role\": \"READER\", \"expiresAt\": \"" + expiresAt + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(Instant.parse(created.json().get("expiresAt").asString())).isEqualTo(expiresAt);
		TestHttp reader = this.http.withToken(created.json().get("token").asString());
		assertThat(reader.get("/api/v1/experiments?size=1").status()).isEqualTo(200);
		while (!Instant.now().isAfter(expiresAt.plusMillis(100))) {
			Thread.sleep(100);
		}
		assertThat(reader.get("/api/v1/experiments?size=1").status()).isEqualTo(401);
	}

	@Test
	void invalidTokenRequestsAre400() {
		for (String body : List.of("{\"name\": \"x\", \"role\": \"ROOT\"}", "{\"name\": \"\", \"role\": \"READER\"}",
				"{\"name\": \"bootstrap\", \"role\": \"ADMIN\"}",
				"{\"name\": \"x\", \"role\": \"READER\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}",
				"{\"name\": \"x\", \"role\": \"READER\", \"token\": \"sb_mine\"}")) {
			Response response = this.http.post("/api/v1/tokens", body);
			assertThat(response.status()).as(body + " -> " + response.text()).isEqualTo(400);
			assertThat(response.json().get("type").asString()).endsWith("/validation");
		}
	}

	@Test
	void malformedAuthorizationIs401WithoutEchoingIt() {
		Response response = this.http.get("/api/v1/experiments", "Authorization", "Bearer not a token!");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text()).doesNotContain("not a token");
		Response basic = this.http.get("/api/v1/experiments", "Authorization", "Basic dXNlcjpwYXNz");
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void openEndpointsNeedNoTokenAndIgnoreAStaleOne() {
		TestHttp anonymous = this.http.anonymous();
		for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html")) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(anonymous.get("/").status()).isEqualTo(302);
		assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
		TestHttp stale = this.http.withToken("sb_revoked-or-from-another-server");
		assertThat(stale.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(stale.get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(stale.get("/api/v1/experiments").status()).isEqualTo(401);
	}

	@Test
	void theApiDocumentDeclaresTheBearerSchemeForEveryOperation() {
		JsonNode api = this.http.anonymous().get("/v3/api-docs").json();
		JsonNode scheme = api.get("components").get("securitySchemes").get("bearerAuth");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(api.get("security").get(0).has("bearerAuth")).isTrue();
		assertThat(api.get("paths").has("/api/v1/tokens")).isTrue();
	}

	private static String sha256(String secret) {
		return HexFormat.of().formatHex(TokenSecrets.sha256(secret));
	}

}
