package dev.seedbank.sampling.streaming;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import dev.seedbank.sampling.LibraryWouldRaiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@code epoch} row of the Streaming vectors through {@link StreamingEpochOrder}:
 * the resolved defaults, the work array's shape, the rank's order (digest, head, ids
 * element by element) and each worker's own sequence; error rows raise what Streaming
 * raises.
 */
class StreamingEpochOrderTests {

	static Stream<Arguments> rows() {
		return StreamingVectors.ofKind("epoch");
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("rows")
	void rankOrderEqualsStreamings(int index, JsonNode row) {
		StreamingArguments arguments = arguments(row.get("args"));
		if (row.has("error")) {
			assertThatExceptionOfType(LibraryWouldRaiseException.class).as("row %d", index)
				.isThrownBy(() -> StreamingEpochOrder.of(arguments))
				.withMessage("mosaicml-streaming 0.14.0.dev0 would raise " + StreamingVectors.raised(row));
			return;
		}
		JsonNode resolved = row.get("resolved");
		assertThat(arguments.numCanonicalNodes()).as("row %d: resolved numCanonicalNodes", index)
			.isEqualTo(resolved.get("numCanonicalNodes").asInt());
		assertThat(arguments.blockSize()).as("row %d: resolved blockSize", index)
			.isEqualTo(resolved.get("blockSize").asLong());
		StreamingEpochOrder order = StreamingEpochOrder.of(arguments);
		assertThat(order.partitionShape()).as("row %d: partition shape", index)
			.containsExactly(StreamingVectors.longs(row.get("partitionShape")));
		StreamingVectors.assertMatches(index, row, order.length(), order::get);
		assertThat(order.sha256()).as("row %d: the order's own digest", index).isEqualTo(row.get("sha256").asString());
		JsonNode workers = row.get("workers");
		assertThat(order.workers()).as("row %d: workers", index).isEqualTo(workers.size());
		for (JsonNode worker : workers) {
			int w = worker.get("worker").asInt();
			long[] ids = order.workerIds(w);
			assertThat((long) ids.length).as("row %d: worker %d length", index, w)
				.isEqualTo(worker.get("length").asLong());
			assertThat(StreamingVectors.sha256(ids.length, (k) -> ids[(int) k]))
				.as("row %d: worker %d digest", index, w)
				.isEqualTo(worker.get("sha256").asString());
		}
	}

	@Test
	void writeAndDigestAgreeWithGet() {
		StreamingEpochOrder order = StreamingEpochOrder.of(arguments(StreamingVectors.rows().get(186).get("args")));
		ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(order.length() * Long.BYTES));
		order.write(0, 10, buffer);
		order.write(10, order.length(), buffer);
		buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
		for (long k = 0; k < order.length(); k++) {
			assertThat(buffer.getLong()).as("written element at position %d", k).isEqualTo(order.get(k));
		}
		assertThat(order.sha256()).isEqualTo(StreamingVectors.sha256(order.length(), order::get));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> order.get(order.length()));
	}

	static StreamingArguments arguments(JsonNode args) {
		StreamingArguments arguments = StreamingArguments.of(StreamingVectors.longs(args.get("shardSizes")),
				args.get("shuffle").asBoolean(), text(args, "shuffleAlgo"), integer(args, "numCanonicalNodes"),
				args.get("seed").bigIntegerValue(), StreamingVectors.optionalLong(args, "epoch"),
				StreamingVectors.optionalLong(args, "blockSize"), text(args, "partitionAlgo"),
				integer(args, "numPhysicalNodes"), integer(args, "ranksPerNode"), integer(args, "workersPerRank"),
				integer(args, "batchSize"), integer(args, "rank"), StreamingVectors.optionalLong(args, "sampleInEpoch"),
				integer(args, "initialPhysicalNodes"), null);
		arguments.requireConsistent(StreamingVectors.optionalLong(args, "numSamples"),
				StreamingVectors.optionalLong(args, "dropFirst"));
		return arguments;
	}

	private static String text(JsonNode args, String field) {
		JsonNode value = args.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Integer integer(JsonNode args, String field) {
		Long value = StreamingVectors.optionalLong(args, field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

}
