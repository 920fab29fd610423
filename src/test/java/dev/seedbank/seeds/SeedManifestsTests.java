package dev.seedbank.seeds;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import dev.seedbank.seeds.SeedRuleException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SeedManifestsTests {

	@Test
	void composerSeedsRankRWithGlobalPlusR() {
		SeedManifest manifest = SeedManifests.forExperiment("exp-1",
				SeedRequests.of(Framework.COMPOSER, "0.28.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4), true,
				false);
		assertThat(manifest.ranks()).extracting(RankSeeds::processSeed)
			.containsExactly(BigInteger.valueOf(17), BigInteger.valueOf(18), BigInteger.valueOf(19),
					BigInteger.valueOf(20));
		assertThat(manifest.ranks()).extracting(RankSeeds::loaderSeed)
			.containsExactly(BigInteger.valueOf(17), BigInteger.valueOf(18), BigInteger.valueOf(19),
					BigInteger.valueOf(20));
		RankSeeds rank2 = manifest.ranks().get(2);
		assertThat(rank2.samplerSeed()).isEqualTo(0);
		assertThat(rank2.samplerEpochSeed()).isEqualTo("0 + epoch");
		assertThat(rank2.calls()).containsExactly("Trainer(seed=17)",
				"sampler = dist.get_sampler(dataset, shuffle=True, seed=0)",
				"DataLoader(dataset, sampler=sampler, generator=torch.Generator().manual_seed(19))",
				"sampler.set_epoch(epoch)");
		assertThat(manifest.effectiveDataSeed()).isEqualTo(0);
		assertThat(manifest.notes()).anyMatch((note) -> note.contains("shuffle=False"))
			.anyMatch((note) -> note.contains("changing the global seed alone does not change the data order"));
		assertThat(manifest.source()).contains("mosaicml/composer").contains("0.28.0");
	}

	@Test
	void composer027GetSamplerHasNoSeedArgument() {
		RankSeeds rank = SeedManifests.forRank("exp-1",
				SeedRequests.of(Framework.COMPOSER, "0.27.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4), true,
				true, 1);
		assertThat(rank.calls()).contains("sampler = dist.get_sampler(dataset, shuffle=True, drop_last=True)");
	}

	@Test
	void torchEveryRankSeedsWithTheGlobalSeed() {
		SeedManifest manifest = SeedManifests.forExperiment("exp-2",
				SeedRequests.of(Framework.TORCH, "2.5.1", 17, 5L, DataSeedPolicy.INDEPENDENT, 2), false, true);
		assertThat(manifest.ranks()).extracting(RankSeeds::processSeed).containsOnly(BigInteger.valueOf(17));
		assertThat(manifest.ranks().get(1).calls()).containsExactly("torch.manual_seed(17)",
				"sampler = DistributedSampler(dataset, num_replicas=2, rank=1, shuffle=False, seed=5, drop_last=True)",
				"DataLoader(dataset, sampler=sampler, generator=torch.Generator().manual_seed(17))",
				"sampler.set_epoch(epoch)");
	}

	@Test
	void accelerateAddsTheProcessIndexOnlyWhenDeviceSpecific() {
		SeedRequest specific = SeedRequests.of(Framework.ACCELERATE, "1.0.0", BigInteger.valueOf(17), null,
				DataSeedPolicy.LINKED, 4, true);
		RankSeeds rank3 = SeedManifests.forRank("e", specific, true, false, 3);
		assertThat(rank3.processSeed()).isEqualTo(20);
		assertThat(rank3.calls()).first().isEqualTo("set_seed(17, device_specific=True)");
		SeedRequest shared = SeedRequests.of(Framework.ACCELERATE, "1.0.0", BigInteger.valueOf(17), null,
				DataSeedPolicy.LINKED, 4, false);
		RankSeeds sharedRank3 = SeedManifests.forRank("e", shared, true, false, 3);
		assertThat(sharedRank3.processSeed()).isEqualTo(17);
		assertThat(sharedRank3.calls()).first().isEqualTo("set_seed(17)");
	}

	@Test
	void lightningSeedsEverythingWithTheGlobalSeed() {
		SeedManifest manifest = SeedManifests.forExperiment("e",
				SeedRequests.of(Framework.LIGHTNING, "2.4.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 2), true,
				false);
		assertThat(manifest.ranks()).extracting(RankSeeds::processSeed).containsOnly(BigInteger.valueOf(17));
		assertThat(manifest.ranks().get(0).calls()).first().isEqualTo("seed_everything(17)");
		assertThat(manifest.ranks().get(0).samplerSeed()).isEqualTo(17);
		assertThat(manifest.notes()).anyMatch((note) -> note.contains("PL_GLOBAL_SEED"));
	}

	@Test
	void envLinesNameEverySeed() {
		RankSeeds rank = SeedManifests.forRank("exp-9",
				SeedRequests.of(Framework.COMPOSER, "0.28.0", 17, 3L, DataSeedPolicy.HYBRID, 4), true, false, 2);
		assertThat(rank.envLines()).isEqualTo("""
				SEEDBANK_EXPERIMENT_ID=exp-9
				SEEDBANK_FRAMEWORK=composer
				SEEDBANK_GLOBAL_SEED=17
				SEEDBANK_PROCESS_SEED=19
				SEEDBANK_DATA_SEED=3
				SEEDBANK_LOADER_SEED=19
				SEEDBANK_SHUFFLE=true
				SEEDBANK_DROP_LAST=false
				SEEDBANK_WORLD_SIZE=4
				SEEDBANK_RANK=2
				""");
	}

	@Test
	void composerSeedZeroCarriesTheRandomSeedNote() {
		SeedManifest manifest = SeedManifests.forExperiment("e",
				SeedRequests.of(Framework.COMPOSER, "0.28.0", 0, null, DataSeedPolicy.LINKED, 1), true, false);
		assertThat(manifest.notes()).anyMatch((note) -> note.contains("mosaicml/composer#2352"));
	}

	@Test
	void rejectsARankOutsideTheWorld() {
		SeedRequest request = SeedRequests.of(Framework.TORCH, "2.5.1", 17, null, DataSeedPolicy.LINKED, 4);
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> SeedManifests.forRank("e", request, true, false, 4))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("rank"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID));
	}

	@Test
	void propagatesRuleErrors() {
		SeedRequest request = SeedRequests.of(Framework.COMPOSER, "0.27.0", 17, 5L, DataSeedPolicy.INDEPENDENT, 4);
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> SeedManifests.forExperiment("e", request, true, false))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNSATISFIABLE));
	}

	@Test
	void aRangeOfRanksHoldsOnlyThoseRanksWithTheSameSeedsAsTheWholeManifest() {
		SeedRequest request = SeedRequests.of(Framework.COMPOSER, "0.28.0", 17, null, DataSeedPolicy.LINKED, 6);
		SeedManifest whole = SeedManifests.forExperiment("e", request, true, false);
		SeedManifest page = SeedManifests.forRanks("e", request, true, false, 2, 5);
		assertThat(page.ranks()).extracting(RankSeeds::rank).containsExactly(2, 3, 4);
		assertThat(page.ranks()).isEqualTo(whole.ranks().subList(2, 5));
		assertThat(page.notes()).isEqualTo(whole.notes());
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> SeedManifests.forRanks("e", request, true, false, 6, 7))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("fromRank"));
		assertThatExceptionOfType(SeedRuleException.class)
			.isThrownBy(() -> SeedManifests.forRanks("e", request, true, false, 2, 2))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("toRank"));
	}

}
