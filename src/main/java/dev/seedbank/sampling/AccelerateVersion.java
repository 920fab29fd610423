package dev.seedbank.sampling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accelerate release, with the boundaries seedbank reproduces, each from
 * huggingface/accelerate's history of {@code src/accelerate/data_loader.py}:
 * <ul>
 * <li>before 1.1.0: refused. {@code prepare_data_loader} has no {@code data_seed} (added
 * by huggingface/accelerate#3150, merged 2024-10-09, first released in 1.1.0), so
 * {@code SeedableRandomSampler} takes {@code torch.random.initial_seed()}; earlier still
 * it was wired wrongly (#2434, 0.28.0) or not at all (#2057, 0.24.0).</li>
 * <li>1.1.0 and later: the loader's order is {@code SeedableRandomSampler} seeded
 * {@code data_seed + epoch}, sharded by {@code BatchSamplerShard}; unchanged through
 * 1.15.0 for a fixed batch size (the {@code batch_size=None} branches added since do not
 * apply).</li>
 * <li>{@link #SKIP_KEEPS_EPOCH}: {@code skip_first_batches} builds its loader with the
 * source's {@code iteration} (huggingface/accelerate#4071, merged 2026-06-10); before it,
 * the new loader's {@code iteration = 0} reset the sampler to epoch 0. The first release
 * with #4071 is not pinned here: 1.15.0 has it (checked live), and a resume outside epoch
 * 0 is refused for older releases.</li>
 * </ul>
 * Local and pre-release suffixes ({@code 1.15.0.dev0}, {@code 1.2.0rc1}) are ignored; a
 * release newer than 1.15.0 follows 1.15.0. The number and its order are
 * {@link ReleaseVersion}'s; this type adds accelerate's boundaries.
 *
 * @param release the release number
 */
public record AccelerateVersion(ReleaseVersion release) implements Comparable<AccelerateVersion> {

	/** The oldest release reproduced: the first with {@code data_seed} (#3150). */
	public static final AccelerateVersion OLDEST = new AccelerateVersion(1, 1, 0);

	/** The newest release known, and the one the live cross-checks run. */
	public static final AccelerateVersion NEWEST = new AccelerateVersion(1, 15, 0);

	/** The oldest release whose {@code skip_first_batches} keeps the epoch (#4071). */
	public static final AccelerateVersion SKIP_KEEPS_EPOCH = NEWEST;

	private static final Pattern FORMAT = Pattern
		.compile("v?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?((?:\\.?(?:dev|rc|a|b|post)\\d*)*)(\\+[\\w.]+)?");

	AccelerateVersion(int major, int minor, int patch) {
		this(new ReleaseVersion(major, minor, patch));
	}

	/**
	 * @param text e.g. {@code 1.15.0}; {@code null} means the newest
	 * @return the release
	 * @throws InvalidSamplerArgumentException naming {@code accelerateVersion} when
	 * malformed or older than 1.1.0
	 */
	public static AccelerateVersion parse(String text) {
		if (text == null) {
			return NEWEST;
		}
		Matcher matcher = FORMAT.matcher(text.trim());
		if (!matcher.matches()) {
			throw new InvalidSamplerArgumentException("accelerateVersion",
					"'" + text + "' is not an accelerate version such as 1.15.0");
		}
		AccelerateVersion version = new AccelerateVersion(Integer.parseInt(matcher.group(1)),
				Integer.parseInt(matcher.group(2)),
				(matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0);
		if (version.compareTo(OLDEST) < 0) {
			throw new InvalidSamplerArgumentException("accelerateVersion",
					"accelerate " + version
							+ " is older than 1.1.0, the first release whose prepare_data_loader takes data_seed "
							+ "(huggingface/accelerate#3150); seedbank reproduces 1.1.0 to " + NEWEST);
		}
		return version;
	}

	/**
	 * @param other a boundary
	 * @return whether this release is the boundary or newer
	 */
	public boolean isAtLeast(AccelerateVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(AccelerateVersion other) {
		return this.release.compareTo(other.release);
	}

	@Override
	public String toString() {
		return this.release.toString();
	}

}
