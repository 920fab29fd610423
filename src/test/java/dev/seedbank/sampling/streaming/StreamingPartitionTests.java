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
 * Every {@code partition} row of the Streaming vectors through
 * {@link PartitionAlgorithm}: shape, and the array flattened in C order ({@code -1}
 * padding included).
 */
class StreamingPartitionTests {

	static Stream<Arguments> rows() {
		return StreamingVectors.ofKind("partition");
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("rows")
	void partitionEqualsStreamings(int index, JsonNode row) {
		JsonNode args = row.get("args");
		PartitionAlgorithm algorithm = PartitionAlgorithm.parse(args.get("partitionAlgo").asString());
		if (row.has("error")) {
			assertThatExceptionOfType(LibraryWouldRaiseException.class).as("row %d", index)
				.isThrownBy(() -> partition(algorithm, args))
				.withMessageEndingWith(" would raise " + StreamingVectors.raised(row));
			return;
		}
		Partition partition = partition(algorithm, args);
		assertThat(partition.shape()).as("row %d: shape", index)
			.containsExactly(StreamingVectors.longs(row.get("shape")));
		StreamingVectors.assertMatches(index, row, row.get("length").asLong(), partition::flat);
	}

	private static Partition partition(PartitionAlgorithm algorithm, JsonNode args) {
		return algorithm.partition(args.get("numSamples").asLong(), args.get("numCanonicalNodes").asLong(),
				args.get("numPhysicalNodes").asLong(), args.get("ranksPerNode").asLong(),
				args.get("workersPerRank").asLong(), args.get("batchSize").asLong(), args.get("dropFirst").asLong(),
				StreamingVectors.optionalLong(args, "initialPhysicalNodes"));
	}

}
