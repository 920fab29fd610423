package dev.seedbank.experiment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import dev.seedbank.seeds.DataSeedDecision;
import dev.seedbank.seeds.DataSeedPolicies;
import dev.seedbank.seeds.SamplerSeedDefaults;
import dev.seedbank.seeds.SeedRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, reads, searches and amends experiment records. Replay-defining fields are
 * written once; only description, tags and status ever change, and only against the
 * version the caller last saw.
 */
@Service
public class ExperimentService {

	private final ExperimentRepository experiments;

	private final IdempotentCreates idempotency;

	private final ExperimentAuditRepository audit;

	private final TransactionTemplate transactions;

	private final RecordCache cache;

	private final ExperimentSearch search;

	ExperimentService(ExperimentRepository experiments, IdempotentCreates idempotency, ExperimentAuditRepository audit,
			TransactionTemplate transactions, RecordCache cache, ExperimentSearch search) {
		this.experiments = experiments;
		this.idempotency = idempotency;
		this.audit = audit;
		this.transactions = transactions;
		this.cache = cache;
		this.search = search;
	}

	/**
	 * Records a new experiment, or replays the first response for a repeated idempotency
	 * key.
	 * @param draft the validated request
	 * @param createdBy the caller's name
	 * @param idempotency the key and the request's digest, or {@code null}
	 * @return the outcome
	 */
	public CreateOutcome create(ExperimentDraft draft, String createdBy, IdempotencyToken idempotency) {
		SeedRequest seeds = new SeedRequest(draft.framework(), draft.frameworkVersion(), draft.torchVersion(),
				draft.globalSeed(), draft.dataSeed(), draft.dataSeedPolicy(), draft.worldSize(),
				draft.deviceSpecific());
		DataSeedDecision decision = SamplerSeedDefaults.decide(seeds, DataSeedPolicies.decide(seeds),
				draft.sampler().kind());
		RecordChecks.check(draft, decision.effectiveDataSeed());
		CreateOutcome earlier = replay(idempotency);
		if (earlier != null) {
			return earlier;
		}
		if (this.experiments.existsByName(draft.name())) {
			// A concurrent create with our key may have committed since the check above.
			CreateOutcome concurrent = replay(idempotency);
			if (concurrent != null) {
				return concurrent;
			}
			throw new NameTakenException(draft.name());
		}
		try {
			return this.transactions.execute((status) -> {
				Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
				Experiment experiment = new Experiment(UUID.randomUUID(), draft, decision.effectiveDataSeed(),
						decision.explanation(), now, createdBy);
				ExperimentSnapshot created = this.experiments.saveAndFlush(experiment).snapshot();
				this.audit.save(new ExperimentAudit(created.id(), "created", null, created.name(), createdBy, now));
				if (idempotency != null) {
					this.idempotency.record(idempotency, created, now);
				}
				return new CreateOutcome(created, created, false);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent create won the race: replay it if it carried our key, else the
			// name is taken.
			CreateOutcome winner = replay(idempotency);
			if (winner != null) {
				return winner;
			}
			if (this.experiments.existsByName(draft.name())) {
				throw new NameTakenException(draft.name());
			}
			throw ex;
		}
	}

	/** The first response for this key, or {@code null} when the key is new or absent. */
	private CreateOutcome replay(IdempotencyToken idempotency) {
		if (idempotency == null) {
			return null;
		}
		return this.transactions.execute((status) -> this.idempotency.replay(idempotency));
	}

	/**
	 * The record as committed now, on whichever replica it was changed: this replica's
	 * snapshot when the stored version still is its version, else read afresh.
	 * @param id the record's id
	 * @return the record
	 * @throws ExperimentNotFoundException when there is none
	 */
	public ExperimentSnapshot get(UUID id) {
		long version = this.cache.version(id).orElseThrow(() -> new ExperimentNotFoundException(id));
		ExperimentSnapshot known = this.cache.at(id, version);
		return (known != null) ? known : load(id);
	}

	private ExperimentSnapshot load(UUID id) {
		return this.cache.keep(this.experiments.findById(id)
			.map(Experiment::snapshot)
			.orElseThrow(() -> new ExperimentNotFoundException(id)));
	}

	/**
	 * @param query the criteria
	 * @param page zero-based page
	 * @param size page size
	 * @return matching records, newest first
	 */
	public Page<ExperimentSnapshot> search(ExperimentQuery query, int page, int size) {
		Page<ExperimentSearch.Versioned> found = this.search.page(query, page, size);
		Map<UUID, ExperimentSnapshot> read = new HashMap<>();
		List<UUID> missing = new ArrayList<>();
		for (ExperimentSearch.Versioned row : found) {
			ExperimentSnapshot known = this.cache.at(row.id(), row.version());
			if (known != null) {
				read.put(row.id(), known);
			}
			else {
				missing.add(row.id());
			}
		}
		// Read afresh, a missing record may be newer than the page saw: never older.
		this.experiments.findAllById(missing)
			.forEach((e) -> read.put(e.snapshot().id(), this.cache.keep(e.snapshot())));
		return found.map((row) -> read.get(row.id()));
	}

	/**
	 * @param id the record's id
	 * @return its history, oldest first: creation, then each changed field
	 */
	public List<AuditEntry> audit(UUID id) {
		get(id);
		return this.audit.findByExperimentIdOrderByIdAsc(id).stream().map(ExperimentAudit::entry).toList();
	}

	/**
	 * Applies changes to the mutable fields, writing an audit row for each field whose
	 * value changes, in the same transaction.
	 * @param id the record's id
	 * @param expectedVersion the version the caller's {@code If-Match} names
	 * @param changes what to change
	 * @param changedBy the caller's name
	 * @return the record after the change
	 */
	public ExperimentSnapshot amend(UUID id, long expectedVersion, ExperimentChanges changes, String changedBy) {
		return this.transactions.execute((status) -> {
			Experiment experiment = this.experiments.findById(id)
				.orElseThrow(() -> new ExperimentNotFoundException(id));
			if (experiment.version() != expectedVersion) {
				throw new StaleVersionException(expectedVersion, experiment.version());
			}
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			ExperimentSnapshot before = experiment.snapshot();
			if (changes.descriptionSet()) {
				experiment.describe(changes.description(), now);
			}
			if (changes.tags() != null) {
				experiment.retag(changes.tags(), now);
			}
			if (changes.status() != null) {
				experiment.changeStatus(changes.status(), now);
			}
			ExperimentSnapshot after = this.experiments.saveAndFlush(experiment).snapshot();
			audit(id, "description", before.description(), after.description(), changedBy, now);
			audit(id, "tags", json(before.tags()), json(after.tags()), changedBy, now);
			audit(id, "status", before.status().name(), after.status().name(), changedBy, now);
			return after;
		});
	}

	private void audit(UUID id, String field, String oldValue, String newValue, String changedBy, Instant now) {
		if (!Objects.equals(oldValue, newValue)) {
			this.audit.save(new ExperimentAudit(id, field, oldValue, newValue, changedBy, now));
		}
	}

	private static String json(Map<String, String> tags) {
		return JsonMapper.shared().writeValueAsString(new TreeMap<>(tags));
	}

	/**
	 * An idempotency key with the digest of the request it came with.
	 *
	 * @param key the client's key
	 * @param requestSha256 digest of the canonical request
	 */
	public record IdempotencyToken(String key, String requestSha256) {
	}

	/**
	 * The result of a create.
	 *
	 * @param experiment the record as it is now (its version is the ETag)
	 * @param firstAnswer the record as the first create answered it, what the body shows
	 * @param replayed whether this repeats an earlier create
	 */
	public record CreateOutcome(ExperimentSnapshot experiment, ExperimentSnapshot firstAnswer, boolean replayed) {
	}

	/**
	 * Changes to the mutable fields; {@code null} means unchanged (description has a flag
	 * because {@code null} clears it).
	 *
	 * @param descriptionSet whether to change the description
	 * @param description the new description
	 * @param tags the new tags, replacing all
	 * @param status the new status
	 */
	public record ExperimentChanges(boolean descriptionSet, String description, Map<String, String> tags,
			ExperimentStatus status) {
	}

}
