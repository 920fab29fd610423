package dev.seedbank.sampling.hf;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * The Hugging Face {@code datasets} releases whose {@code Dataset.shuffle(seed)} and
 * {@code Dataset.shard(num_shards, index, contiguous)} seedbank reproduces, with the
 * rules that differ between them (read from {@code src/datasets/arrow_dataset.py}).
 * <table>
 * <caption>Release table</caption>
 * <tr>
 * <th>release</th>
 * <th>shuffle</th>
 * <th>shard</th>
 * </tr>
 * <tr>
 * <td>5.0.1 (verified live on every build)</td>
 * <td>empty dataset: returned as is, seed unused; else
 * {@code np.random.default_rng(seed).permutation(len)}</td>
 * <td>{@code not 0 <=
 * index < num_shards}: {@code ValueError}; contiguous blocks {@code div * index +
 * min(index, mod)}; strided {@code arange(index, len, num_shards)}; an empty contiguous
 * shard of a non-empty dataset: {@code _select_contiguous} raises {@code IndexError}</td>
 * </tr>
 * </table>
 * Older releases are not accepted, because none could be run here: 1.x asserted the shard
 * index ({@code AssertionError}); before pull request #4466 ("Optimize contiguous shard
 * and select", merged 2022-06-09, a 2.x release) a contiguous shard went through
 * {@code select(np.arange(start, end))}, so an empty contiguous shard was an empty list,
 * not the {@code IndexError} of {@code _select_contiguous}. The 2.x sources read with the
 * search tool after that pull request have the 5.0.1 shape; adding such a release here is
 * a new constant once a live check runs against it.
 */
public enum DatasetsVersion {

	/** datasets 5.0.1, the reference venv's release. */
	V5_0_1("5.0.1");

	/** The newest supported release, used when the caller names none. */
	public static final DatasetsVersion DEFAULT = V5_0_1;

	private final String release;

	DatasetsVersion(String release) {
		this.release = release;
	}

	/**
	 * @param release a release such as {@code 5.0.1}, or {@code null} for the default
	 * @return the version
	 * @throws InvalidSamplerArgumentException naming {@code datasetsVersion} when the
	 * release is not supported
	 */
	public static DatasetsVersion parse(String release) {
		if (release == null || release.isBlank()) {
			return DEFAULT;
		}
		for (DatasetsVersion version : values()) {
			if (version.release.equals(release.strip())) {
				return version;
			}
		}
		throw new InvalidSamplerArgumentException("datasetsVersion",
				"unsupported release " + release + "; supported: 5.0.1");
	}

	/**
	 * @return the release as datasets spells it
	 */
	public String release() {
		return this.release;
	}

	@Override
	public String toString() {
		return this.release;
	}

}
