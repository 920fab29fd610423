package dev.seedbank.experiment;

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
	static class FrameworkName implements AttributeConverter<Framework, String> {

		@Override
		public String convertToDatabaseColumn(Framework framework) {
			return (framework != null) ? framework.wireName() : null;
		}

		@Override
		public Framework convertToEntityAttribute(String name) {
			return (name != null) ? Framework.fromWireName(name) : null;
		}

	}

	/** The framework's release, as spelled. */
	@Converter
	static class FrameworkVersion implements AttributeConverter<FrameworkRelease, String> {

		@Override
		public String convertToDatabaseColumn(FrameworkRelease release) {
			return (release != null) ? release.text() : null;
		}

		@Override
		public FrameworkRelease convertToEntityAttribute(String text) {
			return (text != null) ? FrameworkRelease.parse(text) : null;
		}

	}

	/** torch's release, as spelled; a legacy text that is none still loads. */
	@Converter
	static class TorchVersion implements AttributeConverter<TorchRelease, String> {

		@Override
		public String convertToDatabaseColumn(TorchRelease release) {
			return (release != null) ? release.text() : null;
		}

		@Override
		public TorchRelease convertToEntityAttribute(String text) {
			return (text != null) ? TorchRelease.stored(text) : null;
		}

	}

}
