package dev.seedbank.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.seedbank.RepositorySlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the api_token table and its queries guarantee to TokenService. */
class ApiTokenRepositoryTests extends RepositorySlice {

	@Autowired
	ApiTokenRepository tokens;

	@Test
	void aTokenIsFoundByItsHashAndNothingElse() {
		String hash = hash();
		ApiToken stored = this.tokens.saveAndFlush(token("repo-find", hash, Instant.now()));
		assertThat(this.tokens.findByTokenSha256(hash)).map(ApiToken::info)
			.map(TokenInfo::id)
			.contains(stored.info().id());
		assertThat(this.tokens.findByTokenSha256(hash())).isEmpty();
	}

	@Test
	void twoTokensCannotShareAHash() {
		String hash = hash();
		this.tokens.saveAndFlush(token("repo-first", hash, Instant.now()));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.tokens.saveAndFlush(token("repo-second", hash, Instant.now())))
			.withMessageContaining("uq_api_token_sha256");
	}

	@Test
	void theListIsNewestFirstAndTiesGoToTheLargerId() {
		Instant earlier = Instant.parse("2100-01-01T00:00:00Z");
		Instant later = earlier.plusSeconds(1);
		ApiToken old = this.tokens.save(token("repo-old", hash(), earlier));
		ApiToken tieA = this.tokens.save(token("repo-tie-a", hash(), later));
		ApiToken tieB = this.tokens.saveAndFlush(token("repo-tie-b", hash(), later));
		Set<UUID> ours = Set.of(old.info().id(), tieA.info().id(), tieB.info().id());
		List<UUID> listed = this.tokens.findAllByOrderByCreatedAtDescIdDesc()
			.stream()
			.map((token) -> token.info().id())
			.filter(ours::contains)
			.toList();
		// PostgreSQL orders uuids by their bytes, as their hex strings sort;
		// UUID.compareTo
		// compares signed longs.
		UUID larger = (tieA.info().id().toString().compareTo(tieB.info().id().toString()) > 0) ? tieA.info().id()
				: tieB.info().id();
		UUID smaller = larger.equals(tieA.info().id()) ? tieB.info().id() : tieA.info().id();
		assertThat(listed).containsExactly(larger, smaller, old.info().id());
	}

	private static String hash() {
		return HexFormat.of().formatHex(TokenSecrets.sha256(UUID.randomUUID().toString()));
	}

	private static ApiToken token(String name, String hash, Instant createdAt) {
		return new ApiToken(UUID.randomUUID(), name, Role.READER, hash, createdAt.truncatedTo(ChronoUnit.MICROS),
				"repository-test", null);
	}

}
