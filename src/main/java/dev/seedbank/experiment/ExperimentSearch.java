package dev.seedbank.experiment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A search page as ids and versions only, newest first: the records themselves then come
 * from {@link RecordCache} where its snapshot is at that version, so a page of records
 * this replica has read costs one query (two when the page is full and the total is
 * needed). Plain SQL in autocommit, each tag an inner join of its own (the primary key
 * {@code (experiment_id, tag_key)} makes each join match at most once), which
 * {@code ix_experiment_tag_key_value} serves.
 */
@Component
class ExperimentSearch {

	private final JdbcClient jdbc;

	ExperimentSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param query the criteria
	 * @param page zero-based page
	 * @param size page size
	 * @return the page's ids with the versions the query saw, and the total
	 */
	Page<Versioned> page(ExperimentQuery query, int page, int size) {
		Sql rows = pageSql(query, page, size);
		List<Versioned> found = this.jdbc.sql(rows.text())
			.params(rows.params())
			.query((row, n) -> new Versioned(row.getObject(1, UUID.class), row.getLong(2)))
			.list();
		return PageableExecutionUtils.getPage(found, PageRequest.of(page, size), () -> {
			Sql matching = matching(query);
			return this.jdbc.sql("SELECT count(*) FROM experiment e" + matching.text())
				.params(matching.params())
				.query(Long.class)
				.single();
		});
	}

	/** The query for one page of ids and versions, newest first. */
	static Sql pageSql(ExperimentQuery query, int page, int size) {
		Sql matching = matching(query);
		List<Object> params = new ArrayList<>(matching.params());
		params.add(size);
		params.add((long) page * size);
		return new Sql("SELECT e.id, e.version FROM experiment e" + matching.text()
				+ " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?", params);
	}

	private static Sql matching(ExperimentQuery query) {
		StringBuilder joins = new StringBuilder();
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		int n = 0;
		for (Map.Entry<String, String> tag : query.tags().entrySet()) {
			String t = "t" + n++;
			joins.append(" JOIN experiment_tag ")
				.append(t)
				.append(" ON ")
				.append(t)
				.append(".experiment_id = e.id AND ")
				.append(t)
				.append(".tag_key = ? AND ")
				.append(t)
				.append(".tag_value = ?");
			params.add(tag.getKey());
			params.add(tag.getValue());
		}
		if (query.name() != null) {
			where.add("e.name = ?");
			params.add(query.name());
		}
		if (query.namePrefix() != null) {
			where.add("e.name LIKE ? ESCAPE '\\'");
			params.add(query.namePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.framework() != null) {
			where.add("e.framework = ?");
			params.add(query.framework());
		}
		if (query.status() != null) {
			where.add("e.status = ?");
			params.add(query.status().name());
		}
		if (query.createdAfter() != null) {
			where.add("e.created_at >= ?");
			params.add(utc(query.createdAfter()));
		}
		if (query.createdBefore() != null) {
			where.add("e.created_at < ?");
			params.add(utc(query.createdBefore()));
		}
		String text = joins + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
		return new Sql(text, List.copyOf(params));
	}

	/**
	 * Both drivers bind an OffsetDateTime to TIMESTAMP WITH TIME ZONE; not all an
	 * Instant.
	 */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * @param text SQL with {@code ?} placeholders
	 * @param params their values, in order
	 */
	record Sql(String text, List<Object> params) {
	}

	/**
	 * @param id a record's id
	 * @param version its version when the page was read
	 */
	record Versioned(UUID id, long version) {
	}

}
