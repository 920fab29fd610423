package dev.seedbank.experiment;

import java.util.function.Function;

import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The record's framework and releases as their columns hold them: the wire name and the
 * text as the client sent it, so no stored row changes. Each column is read once, when
 * the entity loads; everything after works on the typed value.
 */
final class ReleaseConverters {

	private ReleaseConverters() {
	}

	/** {@code composer} and its kin, as JSON spells them. */
	@Converter
	static class FrameworkName extends AsText<Framework> {

		FrameworkName() {
			super(Framework::wireName, Framework::fromWireName);
		}

	}

	/** The framework's release, as spelled. */
	@Converter
	static class FrameworkVersion extends AsText<FrameworkRelease> {

		FrameworkVersion() {
			super(FrameworkRelease::text, FrameworkRelease::parse);
		}

	}

	/** torch's release, as spelled; a legacy text that is none still loads. */
	@Converter
	static class TorchVersion extends AsText<TorchRelease> {

		TorchVersion() {
			super(TorchRelease::text, TorchRelease::stored);
		}

	}

	/** A value stored as text; {@code null} stays {@code null}. */
	abstract static class AsText<T> implements AttributeConverter<T, String> {

		private final Function<T, String> write;

		private final Function<String, T> read;

		AsText(Function<T, String> write, Function<String, T> read) {
			this.write = write;
			this.read = read;
		}

		@Override
		public String convertToDatabaseColumn(T value) {
			return (value != null) ? this.write.apply(value) : null;
		}

		@Override
		public T convertToEntityAttribute(String text) {
			return (text != null) ? this.read.apply(text) : null;
		}

	}

}
