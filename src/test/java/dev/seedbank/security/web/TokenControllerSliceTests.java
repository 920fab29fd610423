package dev.seedbank.security.web;

import java.util.UUID;

import dev.seedbank.ControllerSlice;
import dev.seedbank.security.InvalidTokenRequestException;
import dev.seedbank.security.TokenNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

/** The token endpoints' validation and problem mapping, over a mocked TokenService. */
class TokenControllerSliceTests extends ControllerSlice {

	@Test
	void revokingAnUnknownTokenIsA404Problem() {
		UUID id = UUID.randomUUID();
		willThrow(new TokenNotFoundException(id)).given(this.tokens).revoke(id);
		assertThat(this.mvc.delete().uri("/api/v1/tokens/{id}", id)).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.type").asString().endsWith("/not-found");
				json.assertThat().extractingPath("$.detail").asString().isEqualTo("No token with id " + id);
			});
	}

	@Test
	void aTokenTheServiceRefusesIsA400NamingTheField() {
		given(this.tokens.create(any(), any(), any(), any()))
			.willThrow(new InvalidTokenRequestException("expiresAt", "must be in the future"));
		assertThat(this.mvc.post()
			.uri("/api/v1/tokens")
			.principal(() -> "admin")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"ci\", \"role\": \"READER\", \"expiresAt\": \"2000-01-01T00:00:00Z\"}"))
			.hasStatus(400)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.type").asString().endsWith("/validation");
				json.assertThat().extractingPath("$.errors[0].field").asString().isEqualTo("expiresAt");
				json.assertThat().extractingPath("$.detail").asString().isEqualTo("expiresAt: must be in the future");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			blank name       | {"name": " ", "role": "READER"}          | name
			unprintable name | {"name": "a\\u0007b", "role": "READER"}  | name
			missing role     | {"name": "ci"}                           | role
			unknown role     | {"name": "ci", "role": "ROOT"}           | role
			unknown field    | {"name": "ci", "role": "READER", "x": 1} | x
			""")
	void anInvalidBodyIsA400NamingTheFieldAndNeverReachesTheService(String label, String body, String field) {
		assertThat(this.mvc.post()
			.uri("/api/v1/tokens")
			.principal(() -> "admin")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(400).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
		verifyNoInteractions(this.tokens);
	}

	@Test
	void anIdThatIsNoUuidIsA400NamingIt() {
		assertThat(this.mvc.delete().uri("/api/v1/tokens/not-a-uuid")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("id");
		verifyNoInteractions(this.tokens);
	}

}
