package dev.seedbank.sampling.numpy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Pcg64} against {@code PCG64(seed).random_raw(1000)} from NumPy 2.4.6. */
class Pcg64Tests {

	static Stream<Arguments> rows() {
		return NumpyVectors.arguments("pcg64_raw.jsonl");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void yieldsNumpysRawOutputs(String description, JsonNode row) {
		Pcg64 generator = Pcg64.seededBy(new SeedSequence(NumpyVectors.seed(row)));
		JsonNode raw = row.get("raw");
		for (int i = 0; i < raw.size(); i++) {
			assertThat(generator.nextUint64()).as("output %d", i).isEqualTo(NumpyVectors.bits(raw.get(i)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void splitsOneOutputIntoTwo32BitDrawsLowHalfFirst(String description, JsonNode row) {
		Pcg64 generator = Pcg64.seededBy(new SeedSequence(NumpyVectors.seed(row)));
		JsonNode raw = row.get("raw");
		int low = generator.nextUint32();
		long second = generator.nextUint64();
		int high = generator.nextUint32();
		long first = NumpyVectors.bits(raw.get(0));
		assertThat(low).as("first 32-bit draw").isEqualTo((int) first);
		assertThat(second).as("64-bit draw between").isEqualTo(NumpyVectors.bits(raw.get(1)));
		assertThat(high).as("held half").isEqualTo((int) (first >>> 32));
		assertThat(generator.nextDouble()).as("double after")
			.isEqualTo((NumpyVectors.bits(raw.get(2)) >>> 11) * 0x1.0p-53);
	}

}
