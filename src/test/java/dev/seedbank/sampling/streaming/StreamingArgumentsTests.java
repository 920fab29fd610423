package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.LibraryWouldRaiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Streaming's defaults, and the 400s that name the parameter, before any order is made.
 */
class StreamingArgumentsTests {

	private static final long[] SHARDS = { 37, 512, 0, 64 };

	@Test
	void nullsTakeStreamingsDefaults() {
		StreamingArguments arguments = StreamingArguments.of(SHARDS, null, null, null, null, null, null, null, 2, null,
				null, null, null, null, null, null);
		assertThat(arguments.shuffle()).isFalse();
		assertThat(arguments.shuffleAlgo()).isEqualTo(ShuffleAlgorithm.PY1E);
		assertThat(arguments.numCanonicalNodes()).isEqualTo(2);
		assertThat(arguments.seed()).isEqualTo(BigInteger.valueOf(9176));
		assertThat(arguments.blockSize()).isEqualTo(2_000_000);
		assertThat(arguments.partitionAlgo()).isEqualTo(PartitionAlgorithm.RELAXED);
		assertThat(arguments.workersPerRank()).isEqualTo(1);
		assertThat(arguments.batchSize()).isEqualTo(1);
		assertThat(arguments.streamingVersion()).isEqualTo("0.14.0.dev0");
		assertThat(arguments.numSamples()).isEqualTo(613);
	}

	@Test
	void shardShufflesDefaultTo64CanonicalNodesPerNodeAndTheBlockFloor() {
		StreamingArguments arguments = StreamingArguments.of(SHARDS, true, "py2s", null, null, null, null, null, 2,
				null, null, null, null, null, null, null);
		assertThat(arguments.numCanonicalNodes()).isEqualTo(128);
		assertThat(arguments.blockSize()).isEqualTo(1 << 18);
	}

	@Test
	void zeroWorkersReadAsOne() {
		StreamingEpochOrder none = order(0);
		StreamingEpochOrder one = order(1);
		assertThat(none.workers()).isEqualTo(1);
		assertThat(none.sha256()).isEqualTo(one.sha256());
	}

	@Test
	void malformedArgumentsNameTheirParameter() {
		assertNames("shardSizes", () -> of(new long[] { 3, -1 }, 1, 0, 0));
		assertNames("shardSizes", () -> of(new long[] { 0, 0 }, 1, 0, 0));
		assertNames("shardSizes", () -> of(new long[0], 1, 0, 0));
		assertNames("rank", () -> of(SHARDS, 2, 2, 0));
		assertNames("rank", () -> of(SHARDS, 2, -1, 0));
		assertNames("sampleInEpoch", () -> of(SHARDS, 1, 0, -5));
		assertNames("workersPerRank", () -> StreamingArguments.of(SHARDS, true, null, null, null, null, null, null,
				null, null, -1, null, null, null, null, null));
		assertNames("batchSize", () -> StreamingArguments.of(SHARDS, true, null, null, null, null, null, null, null,
				null, 8, Integer.MAX_VALUE, null, null, null, null));
		assertNames("shuffleAlgo", () -> StreamingArguments.of(SHARDS, true, "py1b", null, null, null, null, null, null,
				null, null, null, null, null, null, null));
		assertNames("partitionAlgo", () -> StreamingArguments.of(SHARDS, true, null, null, null, null, null, "pynum",
				null, null, null, null, null, null, null, null));
		assertNames("streamingVersion", () -> StreamingArguments.of(SHARDS, true, null, null, null, null, null, null,
				null, null, null, null, null, null, null, "0.13.0"));
		assertNames("numSamples", () -> of(SHARDS, 1, 0, 0).requireConsistent(612L, null));
		assertNames("numCanonicalNodes",
				() -> ShuffleAlgorithm.PY1E.shuffle(SHARDS, 0, BigInteger.ONE, 0, ShuffleAlgorithm.DEFAULT_BLOCK_SIZE));
	}

	@Test
	void aNegativeSeedIsNumpysValueErrorOnlyWhenShuffling() {
		StreamingArguments shuffled = StreamingArguments.of(SHARDS, true, null, null, BigInteger.valueOf(-1), null,
				null, null, null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(LibraryWouldRaiseException.class).isThrownBy(() -> StreamingEpochOrder.of(shuffled))
			.withMessage("mosaicml-streaming 0.14.0.dev0 would raise ValueError: expected non-negative integer");
		StreamingArguments unshuffled = StreamingArguments.of(SHARDS, false, null, null, BigInteger.valueOf(-1), null,
				null, null, null, null, null, null, null, null, null, null);
		assertThat(StreamingEpochOrder.of(unshuffled).length()).isEqualTo(613);
	}

	private static StreamingEpochOrder order(int workers) {
		return StreamingEpochOrder.of(StreamingArguments.of(SHARDS, true, "py1e", null, null, 3L, 50L, null, 1, 2,
				workers, 4, 1, null, null, null));
	}

	private static StreamingArguments of(long[] shards, int ranksPerNode, int rank, long sampleInEpoch) {
		return StreamingArguments.of(shards, true, null, null, null, null, null, null, 1, ranksPerNode, null, null,
				rank, sampleInEpoch, null, null);
	}

	private static void assertNames(String parameter, Executable call) {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(call::execute)
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

}
