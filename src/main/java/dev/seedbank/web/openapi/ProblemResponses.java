package dev.seedbank.web.openapi;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives every operation the error responses it can really answer, each an RFC 9457
 * problem: 400, 401 and 500 everywhere, 404 on paths naming a record, 415 where there is
 * a body, 406 where {@code Accept} chooses among formats, 503 where the database is read.
 * Codes an operation declares itself (409, 412, 422, 428, ...) keep their description and
 * get the problem content too.
 */
class ProblemResponses implements OpenApiCustomizer {

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry("400", "Invalid parameter or body; errors names every invalid field"),
			Map.entry("401", "Missing or unknown bearer token"), Map.entry("403", "The token may not do this"),
			Map.entry("404", "No such record, or no such path"),
			Map.entry("406", "None of the formats in Accept can be served"),
			Map.entry("409", "Conflicts with the stored record"),
			Map.entry("412", "If-Match names a stale ETag; read the record again"),
			Map.entry("413", "The request exceeds a configured limit"),
			Map.entry("415", "The body's Content-Type is not accepted"),
			Map.entry("422", "Well-formed, but breaks a rule of torch or the framework"),
			Map.entry("428", "If-Match is required"), Map.entry("500", "Unexpected error; nothing was changed"),
			Map.entry("503", "The database is unavailable; retry after Retry-After seconds"));

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		// Registered here, not in the OpenAPI bean: springdoc drops schemas no operation
		// refers to before the customizers run.
		ProblemSchemas.register(api.getComponents());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> customise(path, operation)));
	}

	private void customise(String path, Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		addIfAbsent(responses, "400");
		addIfAbsent(responses, "401");
		addIfAbsent(responses, "500");
		if (path.contains("{")) {
			addIfAbsent(responses, "404");
		}
		if (operation.getRequestBody() != null) {
			addIfAbsent(responses, "415");
		}
		if (producesSeveralFormats(responses)) {
			addIfAbsent(responses, "406");
		}
		if (path.startsWith("/api/v1/experiments")) {
			addIfAbsent(responses, "503");
		}
		Map<String, ApiResponse> sorted = new TreeMap<>(Comparator.comparing(ProblemResponses::sortKey));
		sorted.putAll(responses);
		ApiResponses result = new ApiResponses();
		sorted.forEach((code, response) -> {
			if (isError(code)) {
				response.setContent(ProblemSchemas.content(code, path));
				if (response.getDescription() == null || response.getDescription().isBlank()) {
					response.setDescription(DESCRIPTIONS.getOrDefault(code, "Error"));
				}
			}
			if ("204".equals(code) || "304".equals(code)) {
				// springdoc gives every declared response the method's return type.
				response.setContent(null);
			}
			result.addApiResponse(code, response);
		});
		operation.setResponses(result);
	}

	private static void addIfAbsent(ApiResponses responses, String code) {
		if (!responses.containsKey(code)) {
			responses.addApiResponse(code, new ApiResponse().description(DESCRIPTIONS.get(code)));
		}
	}

	private static boolean producesSeveralFormats(ApiResponses responses) {
		return responses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("2"))
			.anyMatch((entry) -> entry.getValue().getContent() != null && entry.getValue().getContent().size() > 1);
	}

	private static boolean isError(String code) {
		return code.startsWith("4") || code.startsWith("5");
	}

	private static String sortKey(String code) {
		return "default".equals(code) ? "999" : code;
	}

}
