package dev.seedbank.experiment;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import dev.seedbank.experiment.ExperimentService.CreateOutcome;
import dev.seedbank.experiment.ExperimentService.IdempotencyToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Idempotency keys: the first create with a key stores what its replay needs, a repeat
 * with the same body gets the record as it was first answered, a repeat with another body
 * is refused.
 * <p>
 * Replay-defining fields are written once, so a replay reads them from the record; only
 * the mutable fields (description, tags, status, updatedAt, version) can have moved
 * since, and the key's row keeps them as first answered. Rows written before this class
 * held the whole rendered response, whose fields of those names are the same, so they
 * replay too. The caller runs both methods inside its transaction: the key row is
 * inserted with the experiment or not at all ({@link IdempotencyRecord} is always an
 * INSERT).
 */
@Component
class IdempotentCreates {

	private final IdempotencyRepository keys;

	private final ExperimentRepository experiments;

	IdempotentCreates(IdempotencyRepository keys, ExperimentRepository experiments) {
		this.keys = keys;
		this.experiments = experiments;
	}

	/**
	 * @param token the key and the request's digest
	 * @return the earlier create with this key, or {@code null} when the key is new
	 * @throws IdempotencyConflictException when the key came with another body
	 */
	CreateOutcome replay(IdempotencyToken token) {
		return this.keys.findById(token.key()).map((first) -> {
			if (!first.requestSha256().equals(token.requestSha256())) {
				throw new IdempotencyConflictException(token.key());
			}
			ExperimentSnapshot current = this.experiments.findById(first.experimentId())
				.map(Experiment::snapshot)
				.orElseThrow(() -> new ExperimentNotFoundException(first.experimentId()));
			return new CreateOutcome(current, asFirstAnswered(current, first.responseBody()), true);
		}).orElse(null);
	}

	/**
	 * Stores the key with what its replays need.
	 * @param token the key and the request's digest
	 * @param created the record just created
	 * @param now the creation time
	 */
	void record(IdempotencyToken token, ExperimentSnapshot created, Instant now) {
		this.keys.saveAndFlush(
				new IdempotencyRecord(token.key(), token.requestSha256(), created.id(), mutableFields(created), now));
	}

	static String mutableFields(ExperimentSnapshot created) {
		ObjectNode node = JsonMapper.shared().createObjectNode();
		node.put("description", created.description());
		ObjectNode tags = node.putObject("tags");
		created.tags().forEach(tags::put);
		node.put("status", created.status().name());
		node.put("updatedAt", created.updatedAt().toString());
		node.put("version", created.version());
		return node.toString();
	}

	static ExperimentSnapshot asFirstAnswered(ExperimentSnapshot current, String stored) {
		JsonNode first = JsonMapper.shared().readTree(stored);
		JsonNode description = first.get("description");
		Map<String, String> tags = new TreeMap<>();
		first.get("tags").properties().forEach((tag) -> tags.put(tag.getKey(), tag.getValue().asString()));
		return new ExperimentSnapshot(current.id(), current.name(),
				(description == null || description.isNull()) ? null : description.asString(), current.framework(),
				current.frameworkVersion(), current.torchVersion(), current.globalSeed(), current.dataSeed(),
				current.dataSeedPolicy(), current.effectiveDataSeed(), current.effectiveDataSeedReason(),
				current.deviceSpecific(), current.datasetSize(), current.worldSize(), current.shuffle(),
				current.dropLast(), current.sampler(), current.seedWorkers(),
				java.util.Collections.unmodifiableMap(tags), ExperimentStatus.valueOf(first.get("status").asString()),
				current.createdAt(), current.createdBy(), Instant.parse(first.get("updatedAt").asString()),
				first.get("version").longValue());
	}

}
