package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.seedbank.reference.ReferencePython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Pcg64#advance}: against the raw outputs of NumPy 2.4.6 kept as test data,
 * against stepping one output at a time, and for strides far beyond stepping, against the
 * real NumPy's {@code PCG64.advance} of {@link ReferencePython#venv()}.
 */
class Pcg64SkipTests {

	static Stream<Arguments> rows() {
		return NumpyVectors.arguments("pcg64_raw.jsonl");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void skipsToNumpysKthOutput(String description, JsonNode row) {
		JsonNode raw = row.get("raw");
		for (int k : new int[] { 0, 1, 2, 3, 7, 64, 255, 500, raw.size() - 1 }) {
			Pcg64 generator = Pcg64.seededBy(new SeedSequence(NumpyVectors.seed(row)));
			generator.advance(k);
			assertThat(generator.nextUint64()).as("output %d after advance(%d)", k, k)
				.isEqualTo(NumpyVectors.bits(raw.get(k)));
		}
	}

	@Test
	void equalsSteppingAndKeepsTheHeld32BitHalf() {
		SplittableRandom random = new SplittableRandom(14);
		for (int c = 0; c < 40; c++) {
			BigInteger seed = BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE));
			long delta = (c < 5) ? c : random.nextLong(0, 200_000);
			Pcg64 stepped = Pcg64.seededBy(new SeedSequence(seed));
			Pcg64 advanced = Pcg64.seededBy(new SeedSequence(seed));
			int low = stepped.nextUint32();
			assertThat(advanced.nextUint32()).isEqualTo(low);
			for (long i = 0; i < delta; i++) {
				stepped.nextUint64();
			}
			advanced.advance(delta);
			assertThat(advanced.nextUint32()).as("seed %s, delta %d: held half", seed, delta)
				.isEqualTo(stepped.nextUint32());
			assertThat(advanced.nextUint64()).as("seed %s, delta %d: next output", seed, delta)
				.isEqualTo(stepped.nextUint64());
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Pcg64.seededBy(new SeedSequence(BigInteger.ONE)).advance(-1));
	}

	@Test
	void skippedIntervalsDrawWhatRandomIntervalDraws() {
		SplittableRandom random = new SplittableRandom(32);
		for (int c = 0; c < 60; c++) {
			BigInteger seed = BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE));
			long from = switch (c) {
				case 0 -> 0;
				case 1 -> 1;
				case 2 -> 65_536;
				default -> random.nextLong(0, 100_000);
			};
			NumpyGenerator drawn = NumpyGenerator.defaultRng(seed);
			NumpyGenerator skipped = NumpyGenerator.defaultRng(seed);
			if (c % 2 == 1) {
				drawn.bitGenerator().nextUint32();
				skipped.bitGenerator().nextUint32();
			}
			for (long i = from; i >= 1; i--) {
				drawn.randomInterval(i);
			}
			skipped.bitGenerator().skipIntervals32(from);
			assertThat(skipped.bitGenerator().nextUint32()).as("seed %s, from %d: next 32-bit draw", seed, from)
				.isEqualTo(drawn.bitGenerator().nextUint32());
			assertThat(skipped.bitGenerator().nextUint64()).as("seed %s, from %d: next output", seed, from)
				.isEqualTo(drawn.bitGenerator().nextUint64());
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NumpyGenerator.defaultRng(BigInteger.ONE).bitGenerator().skipIntervals32(1L << 32));
	}

	@Test
	void largeStridesMatchRealNumpy() {
		SplittableRandom random = new SplittableRandom(2026);
		List<BigInteger> seeds = new ArrayList<>();
		List<Long> deltas = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < 30; c++) {
			BigInteger seed = new BigInteger(random.nextInt(1, 200), new java.util.Random(random.nextLong()));
			long delta = (c == 0) ? Long.MAX_VALUE : random.nextLong(0, Long.MAX_VALUE) >>> random.nextInt(63);
			seeds.add(seed);
			deltas.add(delta);
			input.append(seed).append(' ').append(delta).append('\n');
		}
		List<String> expected = ReferencePython.venv().run("""
				import sys
				from numpy.random import PCG64, SeedSequence
				for line in sys.stdin:
				    seed, delta = map(int, line.split())
				    g = PCG64(SeedSequence(seed))
				    g.advance(delta)
				    print(" ".join(str(int(x)) for x in g.random_raw(3)))
				""", input.toString());
		assertThat(expected).hasSize(seeds.size());
		for (int c = 0; c < seeds.size(); c++) {
			Pcg64 generator = Pcg64.seededBy(new SeedSequence(seeds.get(c)));
			generator.advance(deltas.get(c));
			String actual = Long.toUnsignedString(generator.nextUint64()) + " "
					+ Long.toUnsignedString(generator.nextUint64()) + " "
					+ Long.toUnsignedString(generator.nextUint64());
			assertThat(actual).as("seed %s, advance(%d)", seeds.get(c), deltas.get(c)).isEqualTo(expected.get(c));
		}
	}

}
