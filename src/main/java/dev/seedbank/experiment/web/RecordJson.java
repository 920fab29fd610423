package dev.seedbank.experiment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * One record's JSON, already rendered by {@link RenderedRecords}: written as it is, in a
 * page or alone. The OpenAPI document shows it as the {@link ExperimentResponse} it is.
 *
 * @param version the record's version it was rendered at
 * @param json an {@link ExperimentResponse} as the API's mapper writes it
 */
@Schema(implementation = ExperimentResponse.class)
record RecordJson(long version, String json) implements JacksonSerializable {

	@Override
	public void serialize(JsonGenerator generator, SerializationContext context) {
		generator.writeRawValue(this.json);
	}

	@Override
	public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
		serialize(generator, context);
	}

}
