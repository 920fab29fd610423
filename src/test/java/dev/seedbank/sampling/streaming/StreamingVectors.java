package dev.seedbank.sampling.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of {@code conformance/streaming-0.14.0.dev0-orders.jsonl} (produced by the
 * real Streaming 0.14.0.dev0 code, see the README beside it), numbered from 0 in file
 * order.
 */
final class StreamingVectors {

	static final String VECTORS = "/conformance/streaming-0.14.0.dev0-orders.jsonl";

	private static List<JsonNode> rows;

	private StreamingVectors() {
	}

	static synchronized List<JsonNode> rows() {
		if (rows == null) {
			JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
			try (InputStream in = StreamingVectors.class.getResourceAsStream(VECTORS)) {
				assertThat(in).as(VECTORS).isNotNull();
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				rows = text.lines().filter((line) -> !line.isBlank()).map(json::readTree).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return rows;
	}

	/** Arguments (row index, row) of every row of one kind. */
	static Stream<Arguments> ofKind(String kind) {
		List<JsonNode> all = rows();
		return IntStream.range(0, all.size())
			.filter((i) -> all.get(i).get("kind").asString().equals(kind))
			.mapToObj((i) -> Arguments.of(i, all.get(i)));
	}

	static Long optionalLong(JsonNode args, String field) {
		JsonNode value = args.get(field);
		return (value == null || value.isNull()) ? null : value.asLong();
	}

	static long[] longs(JsonNode array) {
		long[] values = new long[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = array.get(i).asLong();
		}
		return values;
	}

	/**
	 * Compares a computed list with a row's outputs: length, head, the whole list where
	 * the row holds it, and the digest; every message names the row and the position.
	 */
	static void assertMatches(int row, JsonNode expected, long length, LongUnaryOperator element) {
		assertThat(length).as("row %d: length", row).isEqualTo(expected.get("length").asLong());
		JsonNode head = expected.get("head");
		for (int k = 0; k < head.size(); k++) {
			assertThat(element.applyAsLong(k)).as("row %d: head element at position %d", row, k)
				.isEqualTo(head.get(k).asLong());
		}
		JsonNode ids = expected.get("ids");
		if (ids != null) {
			for (int k = 0; k < ids.size(); k++) {
				assertThat(element.applyAsLong(k)).as("row %d: element at position %d", row, k)
					.isEqualTo(ids.get(k).asLong());
			}
		}
		assertThat(sha256(length, element)).as("row %d: digest", row).isEqualTo(expected.get("sha256").asString());
	}

	static String sha256(long length, LongUnaryOperator element) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteBuffer buffer = ByteBuffer.allocate(8192 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
			for (long k = 0; k < length; k++) {
				if (!buffer.hasRemaining()) {
					digest.update(buffer.array(), 0, buffer.position());
					buffer.clear();
				}
				buffer.putLong(element.applyAsLong(k));
			}
			digest.update(buffer.array(), 0, buffer.position());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** "Type: message" of an error row, as {@code LibraryWouldRaiseException} ends. */
	static String raised(JsonNode row) {
		JsonNode error = row.get("error");
		return error.get("type").asString() + ": " + error.get("message").asString();
	}

}
