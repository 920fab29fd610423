package dev.seedbank.sampling.hf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import dev.seedbank.reference.ReferencePython;
import dev.seedbank.sampling.LibraryWouldRaiseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hundred random calls (empty and one-row datasets, more shards than rows, huge and
 * negative seeds, both shard layouts) through the engine and through the real datasets of
 * {@link ReferencePython#venv()}, compared by length and SHA-256, or by what is raised.
 */
class HfDatasetsLiveCrossCheckTests {

	private static final int CASES = 200;

	@Test
	void engineMatchesRealDatasetsOnRandomCases() {
		SplittableRandom random = new SplittableRandom(5_0_1L);
		List<long[]> shapes = new ArrayList<>();
		List<BigInteger> seeds = new ArrayList<>();
		List<Boolean> layouts = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			long n = switch (c % 10) {
				case 0 -> 0;
				case 1 -> 1;
				case 2 -> (c % 40 == 2) ? random.nextLong(2, 20_000) : random.nextLong(2, 3000);
				default -> random.nextLong(2, 500);
			};
			long numShards = (random.nextInt(8) == 0) ? random.nextLong(-2, 1)
					: (random.nextBoolean() ? random.nextLong(1, 9) : random.nextLong(1, Math.max(2, 2 * n + 3)));
			long index = (random.nextInt(10) == 0) ? random.nextLong(-3, numShards + 3)
					: random.nextLong(0, Math.max(1, numShards));
			BigInteger seed = switch (random.nextInt(6)) {
				case 0 -> BigInteger.valueOf(random.nextLong(-5, 0));
				case 1 -> new BigInteger(random.nextInt(65, 400), new Random(random.nextLong()));
				default -> BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE));
			};
			boolean contiguous = random.nextBoolean();
			shapes.add(new long[] { n, numShards, index });
			seeds.add(seed);
			layouts.add(contiguous);
			input.append("{\"datasetSize\":%d,\"seed\":\"%s\",\"numShards\":%d,\"shardIndex\":%d,\"contiguous\":%s}\n"
				.formatted(n, seed, numShards, index, contiguous));
		}
		List<String> expected = ReferencePython.venv().run(script(), input.toString());
		assertThat(expected).as("one answer per case").hasSize(CASES);
		for (int c = 0; c < CASES; c++) {
			long[] shape = shapes.get(c);
			assertThat(answer(shape, seeds.get(c), layouts.get(c)))
				.as("case %d: n=%d seed=%s numShards=%d index=%d contiguous=%s", c, shape[0], seeds.get(c), shape[1],
						shape[2], layouts.get(c))
				.isEqualTo(expected.get(c));
		}
	}

	private static String answer(long[] shape, BigInteger seed, boolean contiguous) {
		try {
			HfDatasetsOrder order = HfDatasetsShuffle.order(shape[0], seed, shape[1], shape[2], contiguous,
					DatasetsVersion.DEFAULT);
			return order.length() + " " + order.sha256();
		}
		catch (LibraryWouldRaiseException ex) {
			return "raise " + ex.getMessage().substring("datasets 5.0.1 would raise ".length());
		}
	}

	private static String script() {
		try (InputStream in = HfDatasetsLiveCrossCheckTests.class.getResourceAsStream("/hf/hf_datasets_case.py")) {
			assertThat(in).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
