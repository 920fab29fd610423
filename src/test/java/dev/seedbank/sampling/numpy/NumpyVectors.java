package dev.seedbank.sampling.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the golden vectors of {@code src/test/resources/numpy/} (see its README). */
final class NumpyVectors {

	private NumpyVectors() {
	}

	static List<JsonNode> rows(String name) {
		JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
		String resource = "/numpy/" + name;
		try (InputStream in = NumpyVectors.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank()).map(json::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One argument set per row, named by its seed and the given fields. */
	static Stream<Arguments> arguments(String name, String... fields) {
		return rows(name).stream().map((row) -> {
			StringBuilder description = new StringBuilder("seed=" + row.get("seed").asString());
			for (String field : fields) {
				description.append(' ').append(field).append('=').append(row.get(field).asString());
			}
			return Arguments.of(description.toString(), row);
		});
	}

	static BigInteger seed(JsonNode row) {
		return new BigInteger(row.get("seed").asString());
	}

	/**
	 * A decimal string of an unsigned or signed 64-bit value, as its two's-complement
	 * bits.
	 */
	static long bits(JsonNode value) {
		return new BigInteger(value.asString()).longValue();
	}

}
