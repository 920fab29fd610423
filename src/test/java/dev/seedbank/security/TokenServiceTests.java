package dev.seedbank.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** TokenService's refusals are its own exceptions, which web/ProblemHandler maps. */
class TokenServiceTests {

	private final ApiTokenRepository repository = mock(ApiTokenRepository.class);

	private final TokenService tokens = new TokenService(this.repository);

	@Test
	void revokingAnUnknownTokenThrowsTokenNotFound() {
		UUID id = UUID.randomUUID();
		given(this.repository.findById(id)).willReturn(Optional.empty());
		assertThatExceptionOfType(TokenNotFoundException.class).isThrownBy(() -> this.tokens.revoke(id))
			.withMessage("No token with id " + id)
			.satisfies((ex) -> assertThat(ex.id()).isEqualTo(id));
	}

	@Test
	void theBootstrapNameIsReservedAndNothingIsStored() {
		assertThatExceptionOfType(InvalidTokenRequestException.class)
			.isThrownBy(() -> this.tokens.create("Bootstrap", Role.READER, null, "admin"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		verify(this.repository, never()).saveAndFlush(any());
	}

	@Test
	void anExpiryInThePastIsRefusedAndNothingIsStored() {
		assertThatExceptionOfType(InvalidTokenRequestException.class)
			.isThrownBy(() -> this.tokens.create("ci", Role.READER, Instant.now().minusSeconds(1), "admin"))
			.withMessage("expiresAt: must be in the future")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("expiresAt"));
		verify(this.repository, never()).saveAndFlush(any());
	}

}
