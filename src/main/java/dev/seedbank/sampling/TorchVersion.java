package dev.seedbank.sampling;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A torch release. seedbank knows every release from 1.5.0 to 2.13.0; local suffixes
 * ({@code +cu121}) and pre-release tags ({@code 1.13.0a0}, as Debian's build reports
 * itself) are ignored. A version newer than the newest known follows the newest known
 * behaviour and says so through {@link #isNewerThanKnown()}.
 * <p>
 * The release number and its order are {@link ReleaseVersion}'s, the type the seed rules
 * compare too; this type adds the release table and the behaviour boundaries, and
 * {@link #parse} refuses what torch never released.
 *
 * @param release the release number
 */
public record TorchVersion(ReleaseVersion release) implements Comparable<TorchVersion> {

	/**
	 * Every release, from pytorch/pytorch's tags. 2.12.0, 2.12.1 and 2.13.0 change
	 * neither torch/utils/data/distributed.py nor sampler.py's RandomSampler beyond
	 * formatting and error texts (compared with 1.13.1 in the reference venv), and
	 * torch-2.13-distributed-sampler.jsonl, made with the real 2.13.0, passes with the
	 * same randperm rules.
	 */
	static final List<TorchVersion> KNOWN = List.of(v(1, 5, 0), v(1, 5, 1), v(1, 6, 0), v(1, 7, 0), v(1, 7, 1),
			v(1, 8, 0), v(1, 8, 1), v(1, 8, 2), v(1, 9, 0), v(1, 9, 1), v(1, 10, 0), v(1, 10, 1), v(1, 10, 2),
			v(1, 11, 0), v(1, 12, 0), v(1, 12, 1), v(1, 13, 0), v(1, 13, 1), v(2, 0, 0), v(2, 0, 1), v(2, 1, 0),
			v(2, 1, 1), v(2, 1, 2), v(2, 2, 0), v(2, 2, 1), v(2, 2, 2), v(2, 3, 0), v(2, 3, 1), v(2, 4, 0), v(2, 4, 1),
			v(2, 5, 0), v(2, 5, 1), v(2, 6, 0), v(2, 7, 0), v(2, 7, 1), v(2, 8, 0), v(2, 9, 0), v(2, 9, 1), v(2, 10, 0),
			v(2, 11, 0), v(2, 12, 0), v(2, 12, 1), v(2, 13, 0));

	/**
	 * 1.6 added DistributedSampler's {@code seed} (torch/utils/data/distributed.py at
	 * v1.6.0).
	 */
	static final TorchVersion SEED_ARGUMENT = v(1, 6, 0);

	/**
	 * 1.7 added DistributedSampler's {@code drop_last} (torch/utils/data/distributed.py
	 * at v1.7.0).
	 */
	static final TorchVersion DROP_LAST_ARGUMENT = v(1, 7, 0);

	/**
	 * 1.8 pads by repeating the list as often as needed (torch/utils/data/distributed.py
	 * at v1.8.0).
	 */
	static final TorchVersion REPEATED_PADDING = v(1, 8, 0);

	/**
	 * 2.6 switched randperm's large-n branch to the inside-out shuffle
	 * (aten/src/ATen/native/TensorFactories.cpp, randperm_cpu, at v2.6.0).
	 */
	static final TorchVersion INSIDE_OUT_RANDPERM = v(2, 6, 0);

	/**
	 * 1.11 gave RandomSampler today's {@code __iter__}: {@code num_samples} without
	 * replacement as {@code num_samples // n} whole randperms plus one cut short, all
	 * from the given generator, lazily (pytorch/pytorch#71568, January 2022). seedbank
	 * reproduces RandomSampler from there; 1.13.1 and 2.13.0 are cross-checked live.
	 */
	static final TorchVersion RANDOM_SAMPLER_NUM_SAMPLES = v(1, 11, 0);

	/**
	 * From this release an int outside manual_seed's range raises
	 * {@code ValueError: Overflow when unpacking long long} (torch/csrc/utils/
	 * python_numbers.h turned its overflow checks into TORCH_CHECK_VALUE), before it
	 * {@code RuntimeError: Overflow when unpacking long}. Both ends were run here
	 * (1.13.1: RuntimeError, 2.13.0: ValueError); pytorch/pytorch#135628 shows the
	 * RuntimeError in 2.3.0 and a torch_mlu port note the ValueError in 2.10, so the
	 * switch lies in 2.4 .. 2.10; 2.10 is assumed.
	 */
	static final TorchVersion SEED_OVERFLOW_VALUE_ERROR = v(2, 10, 0);

	private static final Pattern FORMAT = Pattern
		.compile("v?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?([a-z]+\\d*)?(\\+[\\w.]+)?");

	private static TorchVersion v(int major, int minor, int patch) {
		return new TorchVersion(new ReleaseVersion(major, minor, patch));
	}

	/**
	 * @param text e.g. {@code 2.5.1}, {@code 2.5.1+cu121}, {@code 1.13.0a0} or
	 * {@code 2.5}
	 * @return the version
	 * @throws InvalidSamplerArgumentException when malformed, older than 1.5 or not a
	 * release
	 */
	public static TorchVersion parse(String text) {
		Matcher matcher = (text != null) ? FORMAT.matcher(text.trim()) : null;
		if (matcher == null || !matcher.matches()) {
			throw new InvalidSamplerArgumentException("torchVersion",
					"'" + text + "' is not a torch version such as 2.5.1");
		}
		TorchVersion version = v(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				(matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0);
		if (version.compareTo(KNOWN.get(0)) < 0) {
			throw new InvalidSamplerArgumentException("torchVersion",
					"torch " + version + " is older than 1.5.0, the oldest release seedbank reproduces");
		}
		if (!version.isNewerThanKnown() && !KNOWN.contains(version)) {
			throw new InvalidSamplerArgumentException("torchVersion", "torch " + version + " was never released");
		}
		return version;
	}

	/**
	 * @return the newest release seedbank knows
	 */
	public static TorchVersion newest() {
		return KNOWN.get(KNOWN.size() - 1);
	}

	/**
	 * @return whether this is newer than every known release, so newest behaviour is
	 * assumed
	 */
	public boolean isNewerThanKnown() {
		return compareTo(newest()) > 0;
	}

	/**
	 * @return whether this release is at least {@code other}
	 */
	public boolean isAtLeast(TorchVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(TorchVersion other) {
		return this.release.compareTo(other.release);
	}

	@Override
	public String toString() {
		return this.release.toString();
	}

}
