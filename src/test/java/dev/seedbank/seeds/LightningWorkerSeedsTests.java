package dev.seedbank.seeds;

import java.math.BigInteger;

import dev.seedbank.sampling.ReleaseVersion;
import org.junit.jupiter.api.Test;

import dev.seedbank.seeds.SeedRuleException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lightning's release rules and manifest calls; {@link LightningWorkerSeedsLiveTests}
 * checks the seeds against real workers.
 */
class LightningWorkerSeedsTests {

	private static final ReleaseVersion TORCH = ReleaseVersion.parse("2.13.0");

	private static EpochWorkerSeeds torchWorkers() {
		return WorkerSeeds.forEpoch(BigInteger.valueOf(17), 1, 2, false, TORCH);
	}

	@Test
	void plainTorchWorkersGiveRandomTheTorchSeed() {
		assertThat(torchWorkers().workers())
			.allSatisfy((worker) -> assertThat(worker.randomSeed()).isEqualTo(worker.seed()));
	}

	@Test
	void lightning24SeedsNumpyWithOneWordAnd25WithASeedSequenceState() {
		EpochWorkerSeeds v24 = LightningWorkerSeeds.afterWorkerInit(torchWorkers(), 3, ReleaseVersion.parse("2.4.0"));
		EpochWorkerSeeds v25 = LightningWorkerSeeds.afterWorkerInit(torchWorkers(), 3, ReleaseVersion.parse("2.5.0"));
		assertThat(v24.workers()).allSatisfy((worker) -> assertThat(worker.numpySeed()).hasSize(1));
		assertThat(v25.workers()).allSatisfy((worker) -> assertThat(worker.numpySeed()).hasSize(4));
		assertThat(v25.workers()).extracting(WorkerSeed::seed)
			.isEqualTo(v24.workers().stream().map(WorkerSeed::seed).toList());
	}

	@Test
	void lightning261MixesTheCombinedSeedFirst() {
		EpochWorkerSeeds v260 = LightningWorkerSeeds.afterWorkerInit(torchWorkers(), 0, ReleaseVersion.parse("2.6.0"));
		EpochWorkerSeeds v261 = LightningWorkerSeeds.afterWorkerInit(torchWorkers(), 0, ReleaseVersion.parse("2.6.1"));
		for (int w = 0; w < 2; w++) {
			assertThat(v261.workers().get(w).seed()).as("worker %d", w).isNotEqualTo(v260.workers().get(w).seed());
			assertThat(v261.workers().get(w).numpySeed()).as("worker %d", w)
				.isEqualTo(v260.workers().get(w).numpySeed());
		}
	}

	@Test
	void releasesBefore24AreRefusedNamingTheVersion() {
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> LightningWorkerSeeds.afterWorkerInit(torchWorkers(), 0, ReleaseVersion.parse("2.3.3")))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.INVALID);
				assertThat(ex.field()).isEqualTo("frameworkVersion");
			});
	}

	@Test
	void seedWorkersAddsWorkersTrueAndLightningsWorkerInitFn() {
		SeedRequest request = SeedRequests.of(Framework.LIGHTNING, "2.6.6", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT,
				4);
		RankSeeds rank = SeedManifests.seedingWorkers(SeedManifests.forRank("exp", request, true, false, 2), request);
		assertThat(rank.calls()).first().isEqualTo("seed_everything(17, workers=True)");
		assertThat(rank.calls()).contains("DataLoader(dataset, sampler=sampler, generator=torch.Generator()"
				+ ".manual_seed(17), worker_init_fn=functools.partial(pl_worker_init_function, rank=2))");
		assertThat(rank.env()).containsEntry("SEEDBANK_SEED_WORKERS", "true");
		SeedRequest torch = SeedRequests.of(Framework.TORCH, "2.5.1", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4);
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> SeedManifests.seedingWorkers(SeedManifests.forRank("exp", torch, true, false, 0), torch))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("seedWorkers"));
	}

}
