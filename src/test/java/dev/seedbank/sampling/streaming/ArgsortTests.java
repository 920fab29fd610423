package dev.seedbank.sampling.streaming;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Argsort} against a comparison sort, on keys like py1e's and on awkward ones. */
class ArgsortTests {

	@Test
	void sortsPy1eLikePositions() {
		Random random = new Random(7);
		double[] keys = new double[200_000];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = Math.min(keys.length - 1e-9, Math.max(0, i + (random.nextDouble() - 0.5) * 5000));
		}
		assertSorts(keys);
	}

	@Test
	void sortsKeysOutsideTheRangeAndCrowdedOnes() {
		Random random = new Random(11);
		double[] keys = new double[5000];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = switch (i % 4) {
				case 0 -> -random.nextDouble() * 1e6;
				case 1 -> 1e12 * random.nextDouble();
				case 2 -> 3 + random.nextDouble() * 1e-9;
				default -> random.nextDouble() * keys.length;
			};
		}
		assertSorts(keys);
	}

	private static void assertSorts(double[] keys) {
		int[] order = Argsort.argsort(keys);
		double[] expected = keys.clone();
		Arrays.sort(expected);
		assertThat(order).hasSize(keys.length);
		boolean[] seen = new boolean[keys.length];
		for (int k = 0; k < order.length; k++) {
			assertThat(seen[order[k]]).as("index %d repeated at position %d", order[k], k).isFalse();
			seen[order[k]] = true;
			assertThat(keys[order[k]]).as("key at position %d", k).isEqualTo(expected[k]);
		}
	}

}
