package dev.seedbank.security;

import java.util.List;
import java.util.Map;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a {@link JwtDecoder} (as Spring Boot makes one for a configured issuer), JWTs
 * authenticate with the roles of their {@code roles} claim and API tokens still work.
 */
class JwtBearerTests extends EndToEndTest {

	/** Stands in for an issuer: three fixed "JWTs" and their claims. */
	private static final Map<String, Object> ISSUED = Map.of("h.reader.s", List.of("reader"), "h.writer.s", "WRITER",
			"h.stranger.s", List.of("superuser"));

	@Test
	void aJwtsRolesClaimGrantsItsRoles() {
		TestHttp reader = this.http.withToken("h.reader.s");
		assertThat(reader.get("/api/v1/experiments?size=1").status()).isEqualTo(200);
		assertThat(reader.post("/api/v1/experiments", experiment()).status()).isEqualTo(403);

		Response created = this.http.withToken("h.writer.s").post("/api/v1/experiments", experiment());
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("createdBy").asString()).isEqualTo("subject-h.writer.s");
	}

	@Test
	void aJwtWithoutSeedbankRolesMayDoNothingAndABadOneIs401() {
		assertThat(this.http.withToken("h.stranger.s").get("/api/v1/experiments?size=1").status()).isEqualTo(403);
		Response bad = this.http.withToken("h.forged.s").get("/api/v1/experiments?size=1");
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void apiTokensStillWork() {
		assertThat(this.http.get("/api/v1/tokens").status()).isEqualTo(200);
	}

	private static String experiment() {
		return """
				{"name": "jwt-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 1, "dataSeed": null, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 10, "worldSize": 2}}""".formatted(java.util.UUID.randomUUID());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FakeIssuer {

		@Bean
		JwtDecoder jwtDecoder() {
			return (token) -> {
				Object roles = ISSUED.get(token);
				if (roles == null) {
					throw new BadJwtException("Signature does not verify");
				}
				return Jwt.withTokenValue(token)
					.header("alg", "RS256")
					.subject("subject-" + token)
					.claim("roles", roles)
					.build();
			};
		}

	}

}
