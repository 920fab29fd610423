package dev.seedbank.seeds;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.TorchVersion;

/**
 * A torch release as the client spelled it: the {@link TorchVersion} the engine takes,
 * and the text a record stores and shows back ({@code 2.5} stays {@code 2.5}). Parsed
 * once, where the value enters; everything after reads {@link #version()}.
 *
 * @param version the release, or {@code null} for a stored text that is none (see
 * {@link #stored})
 * @param text the spelling it was parsed from
 */
public record TorchRelease(TorchVersion version, String text) {

	/**
	 * @param text e.g. {@code 2.5.1}, {@code 2.5.1+cu121} or {@code 2.5}
	 * @return the release
	 * @throws InvalidSamplerArgumentException naming {@code torchVersion} when malformed
	 * or never released
	 */
	public static TorchRelease parse(String text) {
		return new TorchRelease(TorchVersion.parse(text), text);
	}

	/**
	 * A stored record's text. Records made before torch versions were checked on create
	 * may hold one seedbank cannot reproduce: such a record still reads, and only what
	 * needs the release (an index order, a manifest) fails, with the error a create would
	 * have given.
	 * @param text the column's text
	 * @return the release, its version {@code null} when the text is none
	 */
	public static TorchRelease stored(String text) {
		try {
			return parse(text);
		}
		catch (InvalidSamplerArgumentException ex) {
			return new TorchRelease(null, text);
		}
	}

	/**
	 * @return the newest release seedbank knows, spelled as {@link TorchVersion} prints
	 * it
	 */
	public static TorchRelease newest() {
		return new TorchRelease(TorchVersion.newest(), TorchVersion.newest().toString());
	}

	/**
	 * @return the release
	 * @throws InvalidSamplerArgumentException for a stored text that is no release
	 * seedbank reproduces
	 */
	@Override
	public TorchVersion version() {
		// Only a legacy row reaches the parse: it throws the create's own error.
		return (this.version != null) ? this.version : TorchVersion.parse(this.text);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
