package dev.seedbank.security;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API tokens. A token's secret exists only in the
 * response that creates it; the database holds its SHA-256.
 */
@Service
public class TokenService {

	/** The name the bootstrap token is stored under; no other token may take it. */
	static final String BOOTSTRAP_NAME = "bootstrap";

	/**
	 * Tokens recently found valid, by hash: a database outage does not lock out callers
	 * already seen, and a busy rank does not cost a query per request. A revoke on this
	 * replica takes effect at once; on other replicas within this time.
	 */
	static final Duration VERIFIED_TOKEN_TTL = Duration.ofSeconds(30);

	/** The bootstrap token as it authenticates before it is stored. */
	private static final TokenInfo PENDING_BOOTSTRAP = new TokenInfo(null, BOOTSTRAP_NAME, Role.ADMIN, null, "start-up",
			null, null);

	private final ApiTokenRepository tokens;

	/**
	 * The SHA-256 of the bootstrap token until it is stored, else {@code null}: storing
	 * makes it the active ADMIN token whatever the database held, so accepting it before
	 * changes nothing but lets a service whose database is still down answer it.
	 */
	private volatile byte[] pendingBootstrap;

	private final Cache<String, TokenInfo> verified = Caffeine.newBuilder()
		.expireAfterWrite(VERIFIED_TOKEN_TTL)
		.maximumSize(10_000)
		.build();

	TokenService(ApiTokenRepository tokens) {
		this.tokens = tokens;
	}

	/**
	 * @param name who will use the token
	 * @param role what it may do
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @param createdBy the admin creating it
	 * @return the token with its secret, which is not kept
	 */
	@Transactional
	public CreatedToken create(String name, Role role, Instant expiresAt, String createdBy) {
		if (BOOTSTRAP_NAME.equalsIgnoreCase(name)) {
			throw new InvalidTokenRequestException("name",
					"'" + BOOTSTRAP_NAME + "' is reserved for SEEDBANK_BOOTSTRAP_TOKEN");
		}
		Instant now = now();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidTokenRequestException("expiresAt", "must be in the future");
		}
		String secret = TokenSecrets.generate();
		ApiToken token = new ApiToken(UUID.randomUUID(), name, role, hex(TokenSecrets.sha256(secret)), now, createdBy,
				(expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null);
		return new CreatedToken(this.tokens.saveAndFlush(token).info(), secret);
	}

	/**
	 * @return every token, revoked and expired ones too, newest first, without secrets
	 */
	@Transactional(readOnly = true)
	public List<TokenInfo> list() {
		return this.tokens.findAllByOrderByCreatedAtDescIdDesc().stream().map(ApiToken::info).toList();
	}

	/**
	 * Revokes a token; it stops working with the next request. Revoking twice is
	 * harmless.
	 * @param id the token's id
	 * @throws TokenNotFoundException when no token has it
	 */
	@Transactional
	public void revoke(UUID id) {
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
		token.revoke(now());
		this.verified.invalidate(token.tokenSha256());
	}

	/**
	 * @param secret a bearer token as the client sent it
	 * @return the token it names, if that token is neither revoked nor expired
	 */
	public Optional<TokenInfo> authenticate(String secret) {
		byte[] digest = TokenSecrets.sha256(secret);
		String hash = hex(digest);
		Instant now = Instant.now();
		TokenInfo known = this.verified.getIfPresent(hash);
		if (known != null) {
			return Optional.of(known).filter((token) -> token.activeAt(now));
		}
		byte[] pending = this.pendingBootstrap;
		if (pending != null && MessageDigest.isEqual(pending, digest)) {
			return Optional.of(PENDING_BOOTSTRAP);
		}
		Optional<TokenInfo> found = this.tokens.findByTokenSha256(hash)
			.filter((token) -> MessageDigest.isEqual(HexFormat.of().parseHex(token.tokenSha256()), digest))
			.map(ApiToken::info)
			.filter((token) -> token.activeAt(now));
		found.ifPresent((token) -> this.verified.put(hash, token));
		return found;
	}

	/**
	 * Makes {@code secret} the ADMIN token named {@value #BOOTSTRAP_NAME}, replacing the
	 * previous bootstrap secret.
	 * @param secret the bootstrap token
	 */
	@Transactional
	public void setBootstrap(String secret) {
		String hash = hex(TokenSecrets.sha256(secret));
		List<ApiToken> existing = this.tokens.findByName(BOOTSTRAP_NAME);
		if (existing.isEmpty()) {
			this.tokens.findByTokenSha256(hash).ifPresent((clash) -> {
				throw new IllegalStateException("The bootstrap token is already stored as another token's secret");
			});
			this.tokens
				.save(new ApiToken(UUID.randomUUID(), BOOTSTRAP_NAME, Role.ADMIN, hash, now(), "start-up", null));
		}
		else {
			this.verified.invalidateAll();
			existing.forEach((token) -> token.revoke(now()));
			existing.get(0).reset(hash);
		}
	}

	/**
	 * Accepts {@code secret} as the bootstrap ADMIN token until
	 * {@link #bootstrapStored()}.
	 * @param secret the bootstrap token that will be stored
	 */
	void acceptBootstrapUntilStored(String secret) {
		this.pendingBootstrap = TokenSecrets.sha256(secret);
	}

	/**
	 * From now on the bootstrap token authenticates as stored: revocable like any other.
	 */
	void bootstrapStored() {
		this.pendingBootstrap = null;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/**
	 * A token just created: the only time its secret is known.
	 *
	 * @param info what may be shown about it later
	 * @param secret the bearer token
	 */
	public record CreatedToken(TokenInfo info, String secret) {
	}

}
