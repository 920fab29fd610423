package dev.seedbank.experiment;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Snapshots of records this replica has read, each trusted only while its version is the
 * stored one. A read asks the database for the version alone (one primary-key row, in
 * autocommit, no JPA session) and loads the whole record only when it differs, so an
 * amend committed on any replica is seen by the next read here. Every amend bumps the
 * version in its own transaction (JPA {@code @Version}; the entity is dirty because
 * {@code updated_at} changes), and no statement writes the table without one, so equal
 * versions mean equal records.
 */
@Component
class RecordCache {

	/** About 1 KB a record: a few MB, enough for every record a busy job reads. */
	static final int MAX_RECORDS = 4_096;

	private final Cache<UUID, ExperimentSnapshot> snapshots = Caffeine.newBuilder().maximumSize(MAX_RECORDS).build();

	private final JdbcClient jdbc;

	RecordCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param id the record's id
	 * @return its committed version, or empty when there is no such record
	 */
	Optional<Long> version(UUID id) {
		return this.jdbc.sql("SELECT version FROM experiment WHERE id = ?").param(id).query(Long.class).optional();
	}

	/**
	 * @param id the record's id
	 * @param version its committed version
	 * @return the snapshot read at that version, or {@code null}
	 */
	ExperimentSnapshot at(UUID id, long version) {
		ExperimentSnapshot known = this.snapshots.getIfPresent(id);
		return (known != null && known.version() == version) ? known : null;
	}

	/**
	 * Keeps a snapshot unless a newer one is kept already.
	 * @param snapshot as just read or written
	 * @return {@code snapshot}
	 */
	ExperimentSnapshot keep(ExperimentSnapshot snapshot) {
		this.snapshots.asMap()
			.merge(snapshot.id(), snapshot, (old, fresh) -> (fresh.version() >= old.version()) ? fresh : old);
		return snapshot;
	}

}
