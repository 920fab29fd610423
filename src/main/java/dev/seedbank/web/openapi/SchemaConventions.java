package dev.seedbank.web.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Conventions every package's schemas share, applied in one place:
 * <ul>
 * <li>a property of format {@code int64-or-uint64} is a torch seed: an integer from -2^63
 * to 2^64-1 (torch's {@code Generator.manual_seed} range), with the range spelled out as
 * minimum and maximum;</li>
 * <li>the standard conditional and negotiation headers are described where an operation
 * leaves them bare.</li>
 * </ul>
 */
class SchemaConventions implements OpenApiCustomizer {

	static final String SEED_FORMAT = "int64-or-uint64";

	static final BigDecimal MIN_SEED = new BigDecimal("-9223372036854775808");

	static final BigDecimal MAX_SEED = new BigDecimal("18446744073709551615");

	private static final Map<String, String> HEADERS = Map.of("Accept",
			"The response format; the operation's response lists the formats it serves", "If-None-Match",
			"An ETag from an earlier response: 304 Not Modified while it is still current", "If-Match",
			"The record's current ETag, from its last GET or PATCH");

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
			api.getComponents().getSchemas().values().forEach(SchemaConventions::visit);
		}
		if (api.getPaths() != null) {
			api.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				if (operation.getParameters() != null) {
					operation.getParameters().forEach(SchemaConventions::describe);
				}
			}));
		}
	}

	private static void describe(Parameter parameter) {
		if ("header".equals(parameter.getIn())
				&& (parameter.getDescription() == null || parameter.getDescription().isBlank())) {
			parameter.setDescription(HEADERS.get(parameter.getName()));
		}
		if (parameter.getSchema() != null) {
			visit(parameter.getSchema());
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void visit(Schema schema) {
		if (SEED_FORMAT.equals(schema.getFormat())) {
			Set<String> types = new LinkedHashSet<>();
			types.add("integer");
			if (schema.getTypes() != null && schema.getTypes().contains("null")) {
				types.add("null");
			}
			schema.setTypes(types);
			schema.setType("integer");
			schema.setMinimum(MIN_SEED);
			schema.setMaximum(MAX_SEED);
			if (schema.getExample() == null) {
				// Without one Swagger UI shows the minimum, which JavaScript rounds to
				// -9223372036854776000: not even a seed.
				schema.setExample(0);
			}
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(SchemaConventions::visit);
		}
		if (schema.getItems() != null) {
			visit(schema.getItems());
		}
	}

}
