package dev.seedbank.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Generates token secrets and hashes them; a secret itself is never stored. */
final class TokenSecrets {

	/** Recognizable in logs and secret scanners, like GitHub's {@code ghp_}. */
	static final String PREFIX = "sb_";

	/** 256 bits of entropy. */
	private static final int RANDOM_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenSecrets() {
	}

	static String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
