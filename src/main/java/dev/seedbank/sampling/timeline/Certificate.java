package dev.seedbank.sampling.timeline;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * A rank's digest of what it really read in an epoch, as posted: SHA-256 over the indices
 * as little-endian int64, and their count.
 *
 * @param epoch the epoch
 * @param rank the rank, within the segment's world size
 * @param segment the segment it ran in
 * @param sha256 64 hex digits, stored in lower case
 * @param count how many indices it read
 */
public record Certificate(long epoch, int rank, int segment, String sha256, long count) {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	public Certificate {
		if (epoch < 0) {
			throw new InvalidSamplerArgumentException("epoch", "must not be negative");
		}
		if (rank < 0) {
			throw new InvalidSamplerArgumentException("rank", "must not be negative");
		}
		if (segment < 0) {
			throw new InvalidSamplerArgumentException("segment", "must not be negative");
		}
		sha256 = (sha256 != null) ? sha256.toLowerCase(Locale.ROOT) : null;
		if (sha256 == null || !HEX.matcher(sha256).matches()) {
			throw new InvalidSamplerArgumentException("sha256", "must be 64 hexadecimal digits");
		}
		if (count < 0) {
			throw new InvalidSamplerArgumentException("count", "must not be negative");
		}
	}

}
