package dev.seedbank.sampling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release number reduced to major, minor and patch: the one comparable version type of
 * torch ({@link TorchVersion} adds its known-release table), the frameworks and the
 * version boundaries in {@code seeds.FrameworkRules}.
 * <p>
 * Suffixes are ignored: {@code 1.13.0a0} (Debian's torch), {@code 2.5.1+cu121} and
 * {@code 0.28.0rc1} compare as their numeric part; a missing patch counts as 0.
 *
 * @param major the first number
 * @param minor the second number
 * @param patch the third number
 */
public record ReleaseVersion(int major, int minor, int patch) implements Comparable<ReleaseVersion> {

	private static final Pattern NUMERIC = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

	/**
	 * @param text a version such as {@code 0.28.0} or {@code 1.13.0a0}
	 * @return the version
	 * @throws IllegalArgumentException when the text does not start with a number
	 */
	public static ReleaseVersion parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("no version given");
		}
		Matcher matcher = NUMERIC.matcher(text.trim());
		if (!matcher.find()) {
			throw new IllegalArgumentException("'" + text + "' is not a version such as 1.13.1");
		}
		return new ReleaseVersion(Integer.parseInt(matcher.group(1)), number(matcher.group(2)),
				number(matcher.group(3)));
	}

	private static int number(String group) {
		return (group != null) ? Integer.parseInt(group) : 0;
	}

	/**
	 * @param other the boundary
	 * @return whether this version is the boundary or newer
	 */
	public boolean isAtLeast(ReleaseVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(ReleaseVersion other) {
		int byMajor = Integer.compare(this.major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(this.minor, other.minor);
		return (byMinor != 0) ? byMinor : Integer.compare(this.patch, other.patch);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch;
	}

}
