package dev.seedbank.seeds;

import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.seeds.SeedRuleException.Kind;

/**
 * A framework's release as the client spelled it: the number the rules compare, and the
 * text a record stores and shows back ({@code 0.28} stays {@code 0.28}, not
 * {@code 0.28.0}). Parsed once, where the value enters; everything after reads
 * {@link #version()}.
 *
 * @param version the release number, suffixes ignored
 * @param text the spelling it was parsed from
 */
public record FrameworkRelease(ReleaseVersion version, String text) {

	/**
	 * @param text a version such as {@code 0.28.0} or {@code 2.6.6}
	 * @return the release
	 * @throws SeedRuleException naming {@code frameworkVersion} when the text does not
	 * start with a number
	 */
	public static FrameworkRelease parse(String text) {
		try {
			return new FrameworkRelease(ReleaseVersion.parse(text), text);
		}
		catch (IllegalArgumentException ex) {
			throw new SeedRuleException(Kind.INVALID, "frameworkVersion", "frameworkVersion: " + ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return this.text;
	}

}
