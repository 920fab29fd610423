package dev.seedbank.experiment;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An experiment record. Replay-defining columns are {@code updatable = false}, so even a
 * bug in the service cannot rewrite them through JPA.
 */
@Entity
@Table(name = "experiment")
public class Experiment {

	@Id
	private UUID id;

	@Column(nullable = false, updatable = false)
	private String name;

	private String description;

	@Convert(converter = ReleaseConverters.FrameworkName.class)
	@Column(nullable = false, updatable = false)
	private Framework framework;

	/** As the client spelled it, like {@link #torchVersion}. */
	@Convert(converter = ReleaseConverters.FrameworkVersion.class)
	@Column(nullable = false, updatable = false)
	private FrameworkRelease frameworkVersion;

	@Convert(converter = ReleaseConverters.TorchVersion.class)
	@Column(nullable = false, updatable = false)
	private TorchRelease torchVersion;

	@Column(nullable = false, updatable = false, precision = 20)
	private BigInteger globalSeed;

	@Column(updatable = false, precision = 20)
	private BigInteger dataSeed;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private DataSeedPolicy dataSeedPolicy;

	@Column(nullable = false, updatable = false, precision = 20)
	private BigInteger effectiveDataSeed;

	@Column(nullable = false, updatable = false)
	private String effectiveDataSeedReason;

	@Column(nullable = false, updatable = false)
	private boolean deviceSpecific;

	@Column(nullable = false, updatable = false)
	private long datasetSize;

	@Column(nullable = false, updatable = false)
	private int worldSize;

	@Column(nullable = false, updatable = false)
	private boolean shuffle;

	@Column(nullable = false, updatable = false)
	private boolean dropLast;

	/** {@code distributed} for every record of the turn-one shape. */
	@Column(nullable = false, updatable = false)
	private String samplerKind;

	/**
	 * A non-distributed kind's settings; {@code null} for {@code distributed}, whose
	 * settings are the four columns above.
	 */
	@Convert(converter = SamplerSpecConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(updatable = false)
	private SamplerSpec samplerSettings;

	@Column(nullable = false, updatable = false)
	private boolean seedWorkers;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "experiment_tag", joinColumns = @JoinColumn(name = "experiment_id"))
	@MapKeyColumn(name = "tag_key")
	@Column(name = "tag_value")
	private Map<String, String> tags = new LinkedHashMap<>();

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ExperimentStatus status;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false, updatable = false)
	private String createdBy;

	@Column(nullable = false)
	private Instant updatedAt;

	/**
	 * A wrapper type, so Spring Data sees a new record (null) and persists instead of
	 * merging.
	 */
	@Version
	private Long version;

	protected Experiment() {
	}

	Experiment(UUID id, ExperimentDraft draft, BigInteger effectiveDataSeed, String effectiveDataSeedReason,
			Instant createdAt, String createdBy) {
		this.id = id;
		this.name = draft.name();
		this.description = draft.description();
		this.framework = draft.framework();
		this.frameworkVersion = draft.frameworkVersion();
		this.torchVersion = draft.torchVersion();
		this.globalSeed = draft.globalSeed();
		this.dataSeed = draft.dataSeed();
		this.dataSeedPolicy = draft.dataSeedPolicy();
		this.effectiveDataSeed = effectiveDataSeed;
		this.effectiveDataSeedReason = effectiveDataSeedReason;
		this.deviceSpecific = draft.deviceSpecific();
		SamplerSpec sampler = draft.sampler();
		this.samplerKind = sampler.kind();
		this.samplerSettings = (sampler instanceof DistributedSpec) ? null : sampler;
		// For the other kinds these columns summarise the spec: its length, its rank
		// count
		// and whether it shuffles, so the table's checks and searches keep their meaning.
		this.datasetSize = sampler.datasetSize();
		this.worldSize = Math.toIntExact(sampler.ranks());
		this.shuffle = shuffles(sampler);
		this.dropLast = (sampler instanceof DistributedSpec d && d.dropLast())
				|| (sampler instanceof AccelerateSpec a && a.dropLast());
		this.seedWorkers = draft.seedWorkers();
		this.tags = new LinkedHashMap<>(draft.tags());
		this.status = ExperimentStatus.ACTIVE;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.updatedAt = createdAt;
	}

	private static boolean shuffles(SamplerSpec sampler) {
		if (sampler instanceof DistributedSpec d) {
			return d.shuffle();
		}
		if (sampler instanceof AccelerateSpec a) {
			return a.shuffle();
		}
		if (sampler instanceof StreamingSpec s) {
			return Boolean.TRUE.equals(s.shuffle());
		}
		return true;
	}

	private SamplerSpec sampler() {
		return (this.samplerSettings != null) ? this.samplerSettings
				: new DistributedSpec(this.datasetSize, this.worldSize, this.shuffle, this.dropLast);
	}

	ExperimentSnapshot snapshot() {
		return new ExperimentSnapshot(this.id, this.name, this.description, this.framework, this.frameworkVersion,
				this.torchVersion, this.globalSeed, this.dataSeed, this.dataSeedPolicy, this.effectiveDataSeed,
				this.effectiveDataSeedReason, this.deviceSpecific, this.datasetSize, this.worldSize, this.shuffle,
				this.dropLast, sampler(), this.seedWorkers, Collections.unmodifiableMap(new TreeMap<>(this.tags)),
				this.status, this.createdAt, this.createdBy, this.updatedAt, this.version);
	}

	void describe(String description, Instant now) {
		this.description = description;
		this.updatedAt = now;
	}

	void retag(Map<String, String> tags, Instant now) {
		this.tags.clear();
		this.tags.putAll(tags);
		this.updatedAt = now;
	}

	void changeStatus(ExperimentStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	long version() {
		return this.version;
	}

}
