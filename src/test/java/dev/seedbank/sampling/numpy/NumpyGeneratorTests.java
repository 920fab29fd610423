package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link NumpyGenerator} against the vectors NumPy 2.4.6 produced (see the README). */
class NumpyGeneratorTests {

	static Stream<Arguments> integerRows() {
		return NumpyVectors.arguments("integers.jsonl", "low", "high");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("integerRows")
	void drawsNumpysIntegers(String description, JsonNode row) {
		NumpyGenerator generator = NumpyGenerator.defaultRng(NumpyVectors.seed(row));
		long low = NumpyVectors.bits(row.get("low"));
		long high = NumpyVectors.bits(row.get("high"));
		JsonNode scalars = row.get("scalars");
		for (int i = 0; i < scalars.size(); i++) {
			assertThat(generator.integers(low, high)).as("scalar %d", i).isEqualTo(NumpyVectors.bits(scalars.get(i)));
		}
		JsonNode array = row.get("array");
		long[] actual = generator.integers(low, high, array.size());
		for (int i = 0; i < actual.length; i++) {
			assertThat(actual[i]).as("array element %d", i).isEqualTo(NumpyVectors.bits(array.get(i)));
		}
	}

	static Stream<Arguments> uniformRows() {
		return NumpyVectors.arguments("uniform.jsonl", "low", "high");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("uniformRows")
	void drawsNumpysUniforms(String description, JsonNode row) {
		NumpyGenerator generator = NumpyGenerator.defaultRng(NumpyVectors.seed(row));
		JsonNode values = row.get("values");
		double[] actual = generator.uniform(Double.parseDouble(row.get("low").asString()),
				Double.parseDouble(row.get("high").asString()), values.size());
		for (int i = 0; i < actual.length; i++) {
			assertThat(actual[i]).as("value %d", i).isEqualTo(Double.parseDouble(values.get(i).asString()));
		}
	}

	static Stream<Arguments> shuffleRows() {
		return NumpyVectors.arguments("shuffle.jsonl", "n");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shuffleRows")
	void shufflesAndPermutesAsNumpy(String description, JsonNode row) {
		BigInteger seed = NumpyVectors.seed(row);
		int n = row.get("n").asInt();
		NumpyGenerator generator = NumpyGenerator.defaultRng(seed);
		long[] array = new long[n];
		for (int i = 0; i < n; i++) {
			array[i] = i;
		}
		generator.shuffle(array);
		assertSameLongs("ndarray shuffle", array, row.get("ndarray"));
		List<Integer> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			list.add(i);
		}
		generator.shuffle(list);
		assertSameLongs("list shuffle", list.stream().mapToLong(Integer::longValue).toArray(), row.get("list"));

		NumpyGenerator fresh = NumpyGenerator.defaultRng(seed);
		assertSameLongs("permutation", fresh.permutation(n), row.get("permutation"));
		assertThat(fresh.bitGenerator().nextUint64()).as("raw output after the permutation")
			.isEqualTo(NumpyVectors.bits(row.get("next_raw_after_permutation")));
		int[] ints = NumpyGenerator.defaultRng(seed).permutationInts(n);
		assertSameLongs("permutationInts", java.util.Arrays.stream(ints).asLongStream().toArray(),
				row.get("permutation"));
	}

	static Stream<Arguments> interleavingRows() {
		return NumpyVectors.arguments("interleavings.jsonl");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("interleavingRows")
	void keepsTheHeldHalfAcrossOtherDraws(String description, JsonNode row) {
		NumpyGenerator generator = NumpyGenerator.defaultRng(NumpyVectors.seed(row));
		JsonNode steps = row.get("steps");
		for (int s = 0; s < steps.size(); s++) {
			String kind = steps.get(s).get(0).asString();
			String expected = steps.get(s).get(1).asString();
			String actual = switch (kind) {
				case "i32" -> Long.toString(generator.integers(0, 1000));
				case "i64" -> Long.toString(generator.integers(0, 1L << 40));
				case "i64big" -> Long.toString(generator.integers(Long.MIN_VALUE, Long.MAX_VALUE));
				case "u" -> Double.toString(generator.uniform(0.0, 1.0, 1)[0]);
				case "interval" -> {
					List<Integer> list = new ArrayList<>(List.of(0, 1, 2, 3, 4));
					generator.shuffle(list);
					yield list.toString();
				}
				case "perm" -> java.util.Arrays.toString(generator.permutation(7));
				default -> throw new IllegalStateException(kind);
			};
			if (kind.equals("u")) {
				assertThat(Double.parseDouble(actual)).as("step %d (%s)", s, kind)
					.isEqualTo(Double.parseDouble(expected));
			}
			else {
				assertThat(actual).as("step %d (%s)", s, kind).isEqualTo(expected);
			}
		}
	}

	@Test
	void refusesAnEmptyRangeWithNumpysMessages() {
		NumpyGenerator generator = NumpyGenerator.defaultRng(BigInteger.ONE);
		assertThatIllegalArgumentException().isThrownBy(() -> generator.integers(0, 0)).withMessage("high <= 0");
		assertThatIllegalArgumentException().isThrownBy(() -> generator.integers(5, 5, 3)).withMessage("low >= high");
		assertThat(generator.integers(5, 5, 0)).isEmpty();
	}

	@Test
	void randomIntervalIsTheShufflesDraw() {
		NumpyGenerator a = NumpyGenerator.defaultRng(BigInteger.TEN);
		NumpyGenerator b = NumpyGenerator.defaultRng(BigInteger.TEN);
		long[] array = { 0, 1, 2, 3, 4, 5 };
		a.shuffle(array, 1, 5);
		long[] expected = { 0, 1, 2, 3, 4, 5 };
		for (int i = 3; i >= 1; i--) {
			int j = 1 + (int) b.randomInterval(i);
			long swap = expected[1 + i];
			expected[1 + i] = expected[j];
			expected[j] = swap;
		}
		assertThat(array).containsExactly(expected);
	}

	private static void assertSameLongs(String what, long[] actual, JsonNode expected) {
		assertThat(actual).as(what + " length").hasSize(expected.size());
		for (int i = 0; i < actual.length; i++) {
			assertThat(actual[i]).as("%s at position %d", what, i).isEqualTo(expected.get(i).asLong());
		}
	}

}
