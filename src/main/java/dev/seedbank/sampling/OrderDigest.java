package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The order digest of {@code conformance/README.md}: SHA-256 over the indices as
 * little-endian int64, in order.
 */
final class OrderDigest {

	/** Indices per chunk when writing bytes: 64 KiB of output. */
	private static final int CHUNK = 8192;

	private OrderDigest() {
	}

	static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	static String sha256(IndexOrder order) {
		MessageDigest digest = newSha256();
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Long.BYTES);
		long length = order.length();
		for (long from = 0; from < length; from += CHUNK) {
			buffer.clear();
			order.write(from, Math.min(length, from + CHUNK), buffer);
			digest.update(buffer.array(), 0, buffer.position());
		}
		return hex(digest);
	}

}
