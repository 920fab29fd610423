package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.function.Function;

import dev.seedbank.sampling.hf.DatasetsVersion;
import dev.seedbank.sampling.hf.HfDatasetsShuffle;
import dev.seedbank.sampling.streaming.StreamingArguments;
import dev.seedbank.sampling.streaming.StreamingEpochOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each kind's spec answers with its engine's order for the same arguments, and checks its
 * settings when built.
 */
class SamplerSpecTests {

	private static final Function<PermutationKey, Permutation> COMPUTE = Randperm::permutation;

	private static final BigInteger SEED = BigInteger.valueOf(17);

	private static final TorchVersion TORCH = TorchVersion.parse("2.5.1");

	@Test
	void distributedIsTheSamplerPlansRank() {
		SamplerSpec spec = new DistributedSpec(1001, 4, true, false);
		SamplerPlan plan = SamplerPlan.of(new SamplerParameters(1001, 4, 3, SEED, true, false, TORCH));
		assertThat(spec.order(SEED, 3, 2, TORCH, COMPUTE).sha256())
			.isEqualTo(plan.rank(2, COMPUTE.apply(plan.permutationKey().orElseThrow())).sha256());
		assertThat(spec.ranks()).isEqualTo(4);
	}

	@Test
	void randomIsTheRandomSamplerOrderAndHasOneRank() {
		SamplerSpec spec = new RandomSpec(500, 700L, false, true);
		assertThat(spec.order(SEED, 2, 0, TORCH, COMPUTE).sha256()).isEqualTo(
				RandomSamplerOrder.of(new RandomSamplerParameters(500, SEED, 2, 700L, false, true, TORCH)).sha256());
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> spec.order(SEED, 0, 1, TORCH, COMPUTE))
			.withMessageContaining("[0, 1)");
	}

	@Test
	void accelerateIsThePreparedLoadersProcess() {
		AccelerateSpec spec = new AccelerateSpec(103, 3, 8, true, false, true, false, AccelerateVersion.NEWEST);
		IndexOrder expected = AcceleratePreparedLoader
			.of(new AccelerateLoaderParameters(103, 3, 1, 8, 4, SEED, true, false, true, false,
					AccelerateVersion.NEWEST, TORCH))
			.order();
		assertThat(spec.order(SEED, 4, 1, TORCH, COMPUTE).sha256()).isEqualTo(expected.sha256());
	}

	@Test
	void hfDatasetsIsTheShuffledShard() {
		SamplerSpec spec = new HfDatasetsSpec(1000, 3, false, DatasetsVersion.DEFAULT);
		assertThat(spec.order(SEED, 5, 2, TORCH, COMPUTE).sha256())
			.isEqualTo(HfDatasetsShuffle.order(1000, SEED, 3, 2, false, DatasetsVersion.DEFAULT).sha256());
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> new HfDatasetsSpec(10, 0, true, DatasetsVersion.DEFAULT))
			.withMessageContaining("numShards");
	}

	@Test
	void streamingIsTheEpochOrderOfThatRankAndComparesByValue() {
		long[] shards = { 100, 250, 80, 300 };
		StreamingSpec spec = new StreamingSpec(shards, true, "py1e", 2, null, null, 2, 2, 2, 4, null, null);
		IndexOrder expected = StreamingEpochOrder
			.of(StreamingArguments.of(shards, true, "py1e", 2, SEED, 1L, null, null, 2, 2, 2, 4, 3, 0L, null, null));
		assertThat(spec.order(SEED, 1, 3, TORCH, COMPUTE).sha256()).isEqualTo(expected.sha256());
		assertThat(spec.ranks()).isEqualTo(4);
		assertThat(spec.datasetSize()).isEqualTo(730);
		assertThat(spec)
			.isEqualTo(new StreamingSpec(shards.clone(), true, "py1e", 2, null, null, 2, 2, 2, 4, null, null));
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(
				() -> new StreamingSpec(new long[0], null, null, null, null, null, null, null, null, null, null, null))
			.withMessageContaining("shard");
	}

}
