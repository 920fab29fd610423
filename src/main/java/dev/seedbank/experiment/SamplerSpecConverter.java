package dev.seedbank.experiment;

import dev.seedbank.sampling.SamplerSpec;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a non-distributed record's {@link SamplerSpec} as the JSON a record shows under
 * {@code sampler} ({@code kind} included, so the column reads on its own). The column is
 * read once, when the entity loads; everything after works on the typed spec.
 */
@Converter
class SamplerSpecConverter implements AttributeConverter<SamplerSpec, String> {

	@Override
	public String convertToDatabaseColumn(SamplerSpec spec) {
		return (spec != null) ? JsonMapper.shared().writeValueAsString(SamplerSpecJson.write(spec)) : null;
	}

	@Override
	public SamplerSpec convertToEntityAttribute(String json) {
		return (json != null) ? SamplerSpecJson.read(JsonMapper.shared().readTree(json)) : null;
	}

}
