package dev.seedbank.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.seedbank.web.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The RFC 9457 problem as an OpenAPI schema, the shape {@code web.Problems} builds, and
 * the {@code application/problem+json} content that refers to it.
 */
final class ProblemSchemas {

	static final String PROBLEM = "Problem";

	static final String FIELD_ERROR = "ProblemFieldError";

	static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private ProblemSchemas() {
	}

	static void register(Components components) {
		Schema<Object> fieldError = object("One invalid field or parameter")
			.addProperty("field", string("The field or parameter, e.g. sampler.worldSize", "sampler.worldSize"))
			.addProperty("message", string("What is wrong with it", "must be greater than or equal to 1"));
		fieldError.setRequired(List.of("field", "message"));
		Schema<Object> problem = object("An RFC 9457 problem; clients branch on type")
			.addProperty("type",
					string("Stable URI naming the kind of error", ProblemType.VALIDATION.uri().toString())
						.format("uri"))
			.addProperty("title", string("Short summary of the type; never changes for a type", "Invalid request"))
			.addProperty("status", typed("integer", "The HTTP status code", 400).format("int32"))
			.addProperty("detail",
					string("What went wrong with this request, in words", "sampler.worldSize: must be at least 1"))
			.addProperty("instance", string("The request path", "/api/v1/experiments").format("uri-reference"))
			.addProperty("errors", typed("array", "For validation problems: every invalid field", null)
				.items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)));
		problem.setRequired(List.of("type", "title", "status"));
		components.addSchemas(PROBLEM, problem).addSchemas(FIELD_ERROR, fieldError);
	}

	/**
	 * @param status an error status code
	 * @param path the operation's path, shown as the example's instance
	 * @return problem+json content referring to the Problem schema, with an example of
	 * every problem type of that status
	 */
	static Content content(String status, String path) {
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		for (ProblemType type : ProblemType.values()) {
			if (String.valueOf(type.status().value()).equals(status)) {
				String slug = type.uri().getPath().substring(type.uri().getPath().lastIndexOf('/') + 1);
				media.addExamples(slug, new Example().summary(type.title()).value(example(type, path)));
			}
		}
		if (media.getExamples() == null) {
			media.addExamples("problem", new Example().summary("A problem")
				.value(example(status.startsWith("4") ? ProblemType.VALIDATION : ProblemType.INTERNAL, path)));
		}
		return new Content().addMediaType(MEDIA_TYPE, media);
	}

	private static Map<String, Object> example(ProblemType type, String path) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", type.uri().toString());
		example.put("title", type.title());
		example.put("status", type.status().value());
		boolean validation = type == ProblemType.VALIDATION;
		example.put("detail", validation ? "sampler.worldSize: must be greater than or equal to 1" : type.title());
		example.put("instance", path);
		if (validation) {
			example.put("errors",
					List.of(Map.of("field", "sampler.worldSize", "message", "must be greater than or equal to 1")));
		}
		return example;
	}

	private static Schema<Object> object(String description) {
		return typed("object", description, null);
	}

	private static Schema<Object> string(String description, String example) {
		return typed("string", description, example);
	}

	/** Both type (OpenAPI 3.0) and types (3.1), so either serialization keeps it. */
	private static Schema<Object> typed(String type, String description, Object example) {
		Schema<Object> schema = new Schema<>(SpecVersion.V31);
		schema.type(type).types(Set.of(type)).description(description);
		if (example != null) {
			schema.example(example);
		}
		return schema;
	}

}
