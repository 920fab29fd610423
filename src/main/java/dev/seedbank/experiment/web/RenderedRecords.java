package dev.seedbank.experiment.web;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seedbank.experiment.ExperimentSnapshot;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Each record's JSON rendered once per version, so a record GET or a search page of
 * records this replica has shown before costs no serialization. Keyed like the record
 * cache behind it: a snapshot at a newer version renders afresh and replaces the old
 * text, and equal versions mean equal records ({@code ExperimentService}'s snapshots are
 * only ever read at the stored version).
 */
@Component
class RenderedRecords {

	/** About 1 KB a record, as many as the record cache holds. */
	static final int MAX_RECORDS = 4_096;

	private final Cache<UUID, RecordJson> rendered = Caffeine.newBuilder().maximumSize(MAX_RECORDS).build();

	private final JsonMapper json;

	RenderedRecords(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param experiment a record as read at its stored version
	 * @return its JSON as {@link ExperimentResponse} writes it
	 */
	RecordJson of(ExperimentSnapshot experiment) {
		RecordJson known = this.rendered.getIfPresent(experiment.id());
		if (known != null && known.version() == experiment.version()) {
			return known;
		}
		RecordJson fresh = new RecordJson(experiment.version(),
				this.json.writeValueAsString(ExperimentResponse.of(experiment)));
		this.rendered.asMap()
			.merge(experiment.id(), fresh, (old, mine) -> (mine.version() >= old.version()) ? mine : old);
		return fresh;
	}

}
