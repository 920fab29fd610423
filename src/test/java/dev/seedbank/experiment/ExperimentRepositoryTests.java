package dev.seedbank.experiment;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.RepositorySlice;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.TorchVersion;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the experiment table itself guarantees, beneath ExperimentService's checks. */
class ExperimentRepositoryTests extends RepositorySlice {

	/** torch's largest seed, 2^64 - 1 (torch/csrc/Generator.cpp accepts uint64). */
	private static final BigInteger MAX_SEED = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

	@Autowired
	ExperimentRepository experiments;

	@Autowired
	EntityManager entities;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void existsByNameFindsTheStoredNameOnly() {
		String name = "repo-" + UUID.randomUUID();
		this.experiments.saveAndFlush(experiment(name, BigInteger.valueOf(17)));
		assertThat(this.experiments.existsByName(name)).isTrue();
		assertThat(this.experiments.existsByName(name + "-other")).isFalse();
	}

	@Test
	void twoExperimentsCannotShareAName() {
		String name = "repo-" + UUID.randomUUID();
		this.experiments.saveAndFlush(experiment(name, BigInteger.ONE));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.experiments.saveAndFlush(experiment(name, BigInteger.TWO)))
			.withMessageContaining("uq_experiment_name");
	}

	@Test
	void seedsAtBothEndsOfTorchsRangeAreStoredExactly() {
		BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
		UUID low = this.experiments.saveAndFlush(experiment("repo-" + UUID.randomUUID(), min)).snapshot().id();
		UUID high = this.experiments.saveAndFlush(experiment("repo-" + UUID.randomUUID(), MAX_SEED)).snapshot().id();
		assertThat(this.experiments.findById(low).orElseThrow().snapshot().globalSeed()).isEqualTo(min);
		assertThat(this.experiments.findById(high).orElseThrow().snapshot().globalSeed()).isEqualTo(MAX_SEED);
	}

	@Test
	void aSeedBeyondTorchsRangeIsRefusedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.experiments
				.saveAndFlush(experiment("repo-" + UUID.randomUUID(), MAX_SEED.add(BigInteger.ONE))))
			.withMessageContaining("ck_experiment_global_seed");
	}

	@Test
	void releasesAreStoredAsSpelledAndLoadTyped() {
		UUID id = this.experiments
			.saveAndFlush(experiment("repo-" + UUID.randomUUID(), BigInteger.ONE, Framework.COMPOSER, "0.28", "2.5"))
			.snapshot()
			.id();
		assertThat(this.jdbc
			.queryForMap("select framework, framework_version, torch_version from experiment where id = ?", id))
			.containsEntry("framework", "composer")
			.containsEntry("framework_version", "0.28")
			.containsEntry("torch_version", "2.5");
		this.entities.clear();
		ExperimentSnapshot read = this.experiments.findById(id).orElseThrow().snapshot();
		assertThat(read.framework()).isEqualTo(Framework.COMPOSER);
		assertThat(read.frameworkVersion()).isEqualTo(FrameworkRelease.parse("0.28"));
		assertThat(read.torchVersion().text()).isEqualTo("2.5");
		assertThat(read.torch()).isEqualTo(TorchVersion.parse("2.5.0"));
	}

	private static Experiment experiment(String name, BigInteger globalSeed) {
		return experiment(name, globalSeed, Framework.TORCH, "2.5.1", "2.5.1");
	}

	/** The one place these tests build an entity: adjust it when the draft changes. */
	private static Experiment experiment(String name, BigInteger globalSeed, Framework framework,
			String frameworkVersion, String torchVersion) {
		ExperimentDraft draft = new ExperimentDraft(name, "repository test", framework,
				FrameworkRelease.parse(frameworkVersion), TorchRelease.parse(torchVersion), globalSeed, null,
				DataSeedPolicy.LINKED, false, new DistributedSpec(1000, 4, true, false), false,
				Map.of("team", "vision"));
		return new Experiment(UUID.randomUUID(), draft, globalSeed, "linked to the global seed",
				Instant.now().truncatedTo(ChronoUnit.MICROS), "repository-test");
	}

}
