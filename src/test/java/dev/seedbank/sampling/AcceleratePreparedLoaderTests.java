package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closed form of {@link BatchSamplerShard} against a line-by-line transcription of
 * accelerate 1.15.0's {@code BatchSamplerShard._iter_with_split} and
 * {@code _iter_with_no_split} over torch's {@code BatchSampler}, for every small case;
 * and the arguments the engine refuses. The live cross-check compares with the real
 * package.
 */
class AcceleratePreparedLoaderTests {

	private static final TorchVersion TORCH = TorchVersion.parse("2.13.0");

	@Test
	void closedFormEqualsTheIterationForEverySmallCase() {
		for (int n = 0; n <= 40; n++) {
			for (int p = 1; p <= 5; p++) {
				for (int b = 1; b <= 7; b++) {
					for (int mode = 0; mode < 8; mode++) {
						boolean split = (mode & 1) != 0;
						boolean even = (mode & 2) != 0;
						boolean drop = (mode & 4) != 0;
						if (split && p > 1 && b % p != 0) {
							continue;
						}
						for (int i = 0; i < p; i++) {
							IndexOrder order = AcceleratePreparedLoader
								.of(parameters(n, p, i, b, BigInteger.valueOf(7), false, drop, even, split))
								.order();
							List<Long> expected = iterate(n, p, i, b, split, even, drop);
							String description = String.format("n=%d P=%d i=%d B=%d split=%b even=%b drop=%b", n, p, i,
									b, split, even, drop);
							assertThat(order.length()).as(description).isEqualTo(expected.size());
							for (int k = 0; k < expected.size(); k++) {
								assertThat(order.get(k)).as("%s, position %d", description, k)
									.isEqualTo(expected.get(k));
							}
						}
					}
				}
			}
		}
	}

	@Test
	void shuffledOrderReadsTheEpochPermutation() {
		BigInteger seed = BigInteger.valueOf(41);
		AcceleratePreparedLoader loader = AcceleratePreparedLoader.of(new AccelerateLoaderParameters(100, 1, 0, 8, 1,
				seed, true, false, true, false, AccelerateVersion.NEWEST, TORCH));
		int[] permutation = Randperm.compute(new PermutationKey(100, 42, RandpermVariant.CLASSIC));
		IndexOrder order = loader.order();
		for (int k = 0; k < 100; k++) {
			assertThat(order.get(k)).as("position %d", k).isEqualTo(permutation[k]);
		}
	}

	@Test
	void skipFirstBatchesStartsAtWholeBatchesAndStopsAtTheEnd() {
		AcceleratePreparedLoader loader = AcceleratePreparedLoader
			.of(parameters(50, 4, 1, 8, BigInteger.ONE, true, false, true, true));
		assertThat(loader.processBatchSize()).isEqualTo(2);
		assertThat(loader.skipFirstBatchesOffset(3)).isEqualTo(6);
		assertThat(loader.skipFirstBatchesOffset(1000)).isEqualTo(loader.order().length());
	}

	@Test
	void refusesArgumentsOutOfRangeNamingThem() {
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(-1, 2, 0, 4, null, false, false, true, false)))
			.isInstanceOf(InvalidSamplerArgumentException.class)
			.extracting("parameter")
			.isEqualTo("datasetSize");
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(10, 0, 0, 4, null, false, false, true, false)))
			.extracting("parameter")
			.isEqualTo("numProcesses");
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(10, 2, 2, 4, null, false, false, true, false)))
			.extracting("parameter")
			.isEqualTo("processIndex");
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(10, 2, 0, 0, null, false, false, true, false)))
			.extracting("parameter")
			.isEqualTo("batchSize");
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(10, 2, 0, 4, null, true, false, true, false)))
			.extracting("parameter")
			.isEqualTo("seed");
		assertThatThrownBy(() -> AccelerateVersion.parse("1.0.1")).extracting("parameter")
			.isEqualTo("accelerateVersion");
		assertThat(AccelerateVersion.parse("1.16.0.dev0")).isEqualTo(new AccelerateVersion(1, 16, 0));
	}

	@Test
	void raisesWhereAccelerateOrTorchRaise() {
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(parameters(10, 4, 0, 6, null, false, false, true, true)))
			.isInstanceOf(LibraryWouldRaiseException.class)
			.hasMessageContaining("round multiple");
		assertThatThrownBy(
				() -> AcceleratePreparedLoader.of(parameters(0, 2, 0, 4, BigInteger.ONE, true, false, true, false)))
			.isInstanceOf(LibraryWouldRaiseException.class)
			.hasMessageContaining("num_samples");
		BigInteger top = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
		assertThatThrownBy(() -> AcceleratePreparedLoader.of(new AccelerateLoaderParameters(10, 2, 0, 4, 1, top, true,
				false, true, false, AccelerateVersion.NEWEST, TORCH)))
			.isInstanceOf(LibraryWouldRaiseException.class)
			.hasMessageContaining("Overflow");
		assertThat(AcceleratePreparedLoader
			.of(new AccelerateLoaderParameters(10, 2, 0, 4, 1, top.add(top), false, false, true, false,
					AccelerateVersion.NEWEST, TORCH))
			.order()
			.length()).isEqualTo(8);
	}

	private static AccelerateLoaderParameters parameters(long n, int p, int i, int b, BigInteger seed, boolean shuffle,
			boolean drop, boolean even, boolean split) {
		return new AccelerateLoaderParameters(n, p, i, b, 0, seed, shuffle, drop, even, split, AccelerateVersion.NEWEST,
				TORCH);
	}

	/** torch's BatchSampler over range(n), then accelerate's loops, as written there. */
	private static List<Long> iterate(int n, int p, int i, int b, boolean split, boolean even, boolean drop) {
		List<List<Long>> batches = new ArrayList<>();
		for (int start = 0; start < n; start += b) {
			List<Long> batch = new ArrayList<>();
			for (long k = start; k < Math.min(n, start + b); k++) {
				batch.add(k);
			}
			if (batch.size() == b || !drop) {
				batches.add(batch);
			}
		}
		List<List<Long>> out = new ArrayList<>();
		if (p == 1) {
			out = batches;
		}
		else if (split) {
			iterWithSplit(batches, p, i, b, even, drop, out);
		}
		else {
			iterWithNoSplit(batches, p, i, b, even, drop, out);
		}
		return out.stream().flatMap(List::stream).toList();
	}

	private static void iterWithSplit(List<List<Long>> batches, int p, int i, int b, boolean even, boolean drop,
			List<List<Long>> out) {
		List<Long> initial = new ArrayList<>();
		int length = b / p;
		List<Long> batch = null;
		for (int idx = 0; idx < batches.size(); idx++) {
			batch = batches.get(idx);
			if (idx == 0) {
				initial = new ArrayList<>(batch);
			}
			if (batch.size() == b) {
				out.add(slice(batch, length * i, length * (i + 1)));
			}
		}
		if (!drop && !initial.isEmpty() && batch.size() < b) {
			if (!even) {
				if (batch.size() > length * i) {
					out.add(slice(batch, length * i, length * (i + 1)));
				}
			}
			else {
				while (initial.size() < b) {
					initial.addAll(new ArrayList<>(initial));
				}
				List<Long> padded = new ArrayList<>(batch);
				padded.addAll(initial);
				out.add(slice(padded, length * i, length * (i + 1)));
			}
		}
	}

	private static void iterWithNoSplit(List<List<Long>> batches, int p, int i, int b, boolean even, boolean drop,
			List<List<Long>> out) {
		List<Long> initial = new ArrayList<>();
		List<Long> toYield = null;
		List<Long> batch = null;
		int idx = 0;
		for (idx = 0; idx < batches.size(); idx++) {
			batch = batches.get(idx);
			if (!drop && idx < p) {
				initial.addAll(batch);
			}
			if (idx % p == i) {
				toYield = batch;
			}
			if (idx % p == p - 1 && batch.size() == b) {
				out.add(toYield);
				toYield = null;
			}
		}
		idx--;
		if (!drop && !initial.isEmpty()) {
			if (!even) {
				if (toYield != null) {
					out.add(toYield);
				}
			}
			else {
				if (toYield != null && toYield.size() == b) {
					out.add(toYield);
				}
				while (initial.size() < p * b) {
					initial.addAll(new ArrayList<>(initial));
				}
				List<Long> current = new ArrayList<>(batch);
				if (current.size() == b) {
					current = new ArrayList<>();
					idx++;
				}
				int cycle = 0;
				while (idx % p != 0 || !current.isEmpty()) {
					int end = cycle + b - current.size();
					current.addAll(slice(initial, cycle, end));
					if (idx % p == i) {
						out.add(current);
					}
					cycle = end;
					current = new ArrayList<>();
					idx++;
				}
			}
		}
	}

	private static List<Long> slice(List<Long> list, int from, int to) {
		return new ArrayList<>(list.subList(Math.min(from, list.size()), Math.min(to, list.size())));
	}

}
