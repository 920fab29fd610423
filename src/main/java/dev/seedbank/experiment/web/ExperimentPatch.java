package dev.seedbank.experiment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.seedbank.experiment.ExperimentService.ExperimentChanges;
import dev.seedbank.experiment.ExperimentStatus;
import dev.seedbank.web.ApiException;
import dev.seedbank.web.ProblemType;
import dev.seedbank.web.Text;
import tools.jackson.databind.JsonNode;

/**
 * Reads a PATCH body against the current record: only description, tags and status may
 * change; a different value for any other field of the record is a 409 that names it, and
 * a field the record does not have is a 400.
 */
final class ExperimentPatch {

	private static final Set<String> MUTABLE = Set.of("description", "tags", "status");

	private ExperimentPatch() {
	}

	static ExperimentChanges read(JsonNode patch, JsonNode current) {
		if (patch == null || !patch.isObject()) {
			throw new ApiException(ProblemType.MALFORMED_BODY, "The PATCH body must be a JSON object");
		}
		List<ApiException.FieldError> unknown = new ArrayList<>();
		for (String field : patch.propertyNames()) {
			if (!MUTABLE.contains(field)) {
				if (!current.has(field)) {
					unknown.add(new ApiException.FieldError(field, "unknown field '" + field + "'"));
				}
				else if (!sameValue(patch.get(field), current.get(field))) {
					throw new ApiException(ProblemType.IMMUTABLE_FIELD,
							"'" + field + "' defines how the run is replayed and never changes once recorded; "
									+ "create a new experiment instead. Only description, tags and status can change",
							List.of(new ApiException.FieldError(field, "immutable")));
				}
			}
		}
		if (!unknown.isEmpty()) {
			throw new ApiException(ProblemType.VALIDATION, "The PATCH body names fields an experiment does not have",
					unknown);
		}
		return new ExperimentChanges(patch.has("description"), description(patch.get("description")),
				tags(patch.get("tags")), status(patch.get("status")));
	}

	private static String description(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.asString().length() > 4000) {
			throw ApiException.invalid("description", "must be a string of at most 4000 characters, or null");
		}
		Text.requireWellFormed("description", node.asString());
		return node.asString();
	}

	private static Map<String, String> tags(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isNull()) {
			return Map.of();
		}
		if (!node.isObject() || node.size() > 50) {
			throw ApiException.invalid("tags", "must be an object of at most 50 string values");
		}
		Map<String, String> tags = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			if (key.isBlank() || key.length() > 100 || key.contains(":")) {
				throw ApiException.invalid("tags", "keys must be 1 to 100 characters without ':'");
			}
			if (!value.isString() || value.asString().length() > 200) {
				throw ApiException.invalid("tags." + key, "must be a string of at most 200 characters");
			}
			Text.requireIdentifier("tags", key);
			Text.requireIdentifier("tags." + key, value.asString());
			tags.put(key, value.asString());
		}
		return tags;
	}

	private static ExperimentStatus status(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			for (ExperimentStatus status : ExperimentStatus.values()) {
				if (status.name().equals(node.asString())) {
					return status;
				}
			}
		}
		throw ApiException.invalid("status", "must be ACTIVE or ARCHIVED");
	}

	private static boolean sameValue(JsonNode given, JsonNode current) {
		if (given.isNumber() && current.isNumber()) {
			return given.decimalValue().compareTo(current.decimalValue()) == 0;
		}
		if (given.isObject() && current.isObject()) {
			for (String field : given.propertyNames()) {
				if (!current.has(field) || !sameValue(given.get(field), current.get(field))) {
					return false;
				}
			}
			return true;
		}
		if (given.isArray() && current.isArray()) {
			// Element by element, so 30 and 30L (a streaming record's shardSizes) agree.
			if (given.size() != current.size()) {
				return false;
			}
			for (int i = 0; i < given.size(); i++) {
				if (!sameValue(given.get(i), current.get(i))) {
					return false;
				}
			}
			return true;
		}
		return given.equals(current);
	}

}
