package dev.seedbank.sampling.streaming;

import java.util.stream.Stream;

import dev.seedbank.sampling.LibraryWouldRaiseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@code shuffle} row of the Streaming vectors through {@link ShuffleAlgorithm}:
 * the global permutation by digest, head, and element by element where the row holds it.
 */
class StreamingShuffleTests {

	static Stream<Arguments> rows() {
		return StreamingVectors.ofKind("shuffle");
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("rows")
	void shuffleEqualsStreamings(int index, JsonNode row) {
		JsonNode args = row.get("args");
		ShuffleAlgorithm algorithm = ShuffleAlgorithm.parse(args.get("algo").asString());
		if (row.has("error")) {
			assertThatExceptionOfType(LibraryWouldRaiseException.class).as("row %d", index)
				.isThrownBy(() -> shuffle(algorithm, args))
				.withMessageEndingWith(" would raise " + StreamingVectors.raised(row));
			return;
		}
		long[] ids = shuffle(algorithm, args);
		StreamingVectors.assertMatches(index, row, ids.length, (k) -> ids[(int) k]);
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("rows")
	void sparedNodesLeaveTheNeededOnesUnchanged(int index, JsonNode row) {
		JsonNode args = row.get("args");
		ShuffleAlgorithm algorithm = ShuffleAlgorithm.parse(args.get("algo").asString());
		int nodes = args.get("numCanonicalNodes").asInt();
		if (row.has("error") || !algorithm.worksByNode() || nodes < 2) {
			return;
		}
		long[] all = shuffle(algorithm, args);
		for (int node : new int[] { 0, nodes - 1 }) {
			boolean[] needed = new boolean[nodes];
			needed[node] = true;
			NodeSlices spared = algorithm.shuffle(StreamingVectors.longs(args.get("shardSizes")), nodes,
					args.get("seed").bigIntegerValue(), args.get("epoch").asLong(), args.get("blockSize").asLong(),
					needed);
			long from = all.length * (long) node / nodes;
			long to = all.length * (long) (node + 1) / nodes;
			for (long k = from; k < to; k++) {
				assertThat(spared.get(spared.nodeOf(k, -1), k))
					.as("row %d: only node %d read: element at position %d", index, node, k)
					.isEqualTo(all[(int) k]);
			}
		}
	}

	private static long[] shuffle(ShuffleAlgorithm algorithm, JsonNode args) {
		return algorithm.shuffle(StreamingVectors.longs(args.get("shardSizes")), args.get("numCanonicalNodes").asInt(),
				args.get("seed").bigIntegerValue(), args.get("epoch").asLong(), args.get("blockSize").asLong());
	}

}
