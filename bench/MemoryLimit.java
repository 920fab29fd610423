import java.util.SplittableRandom;

import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.RandpermVariant;

/**
 * The memory system's limit for the loops seedbank's permutations are made of, over an int
 * array of N elements (1e8: 400 MB, far beyond the caches), in ns per element, best of REPS,
 * each pass over a 64K block of targets drawn ahead (the drawing untimed): a random gather
 * (sum of a[t[k]]), a random swap loop (swap a[i] and a[t[i]], t[i] in [i, n): the
 * Fisher-Yates shape without the generator), and the strided
 * gather a rank's list is (a[r + k * W], W = 1024); and, interleaved with them so all see
 * the same machine load, the engine's torch randperm (the classic loop, draws on a second
 * thread). From the repository root, after ./mvnw -q -o compile:
 *   java -Xmx4g [-XX:+UseTransparentHugePages] -cp target/classes bench/MemoryLimit.java [N] [REPS]
 */
class MemoryLimit {

	static final int BLOCK = 65536;

	public static void main(String[] args) {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000_000;
		int reps = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int[] a = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = i;
		}
		int[] targets = new int[BLOCK];
		long sink = 0;
		double gather = Double.MAX_VALUE, swap = Double.MAX_VALUE, strided = Double.MAX_VALUE;
		double engine = Double.MAX_VALUE;
		for (int rep = 0; rep < reps; rep++) {
			SplittableRandom random = new SplittableRandom(rep);
			long gatherNanos = 0;
			long swapNanos = 0;
			for (int start = 0; start < n - 1; start += BLOCK) {
				int count = Math.min(BLOCK, n - 1 - start);
				for (int k = 0; k < count; k++) {
					targets[k] = random.nextInt(n);
				}
				long t = System.nanoTime();
				sink += gather(a, targets, count);
				gatherNanos += System.nanoTime() - t;
				for (int k = 0; k < count; k++) {
					targets[k] = start + k + random.nextInt(n - start - k);
				}
				t = System.nanoTime();
				swap(a, start, count, targets);
				swapNanos += System.nanoTime() - t;
			}
			gather = Math.min(gather, gatherNanos / (double) n);
			swap = Math.min(swap, swapNanos / (double) n);
			long t0;
			t0 = System.nanoTime();
			sink += strided(a, 1024);
			strided = Math.min(strided, (System.nanoTime() - t0) / (double) n);
			t0 = System.nanoTime();
			sink += Randperm.permutation(new PermutationKey(n, 17, RandpermVariant.CLASSIC)).get(0);
			engine = Math.min(engine, (System.nanoTime() - t0) / (double) n);
		}
		// Only the memory passes are timed: the engine draws its targets on another thread.
		System.out.printf("n=%d, best of %d: random gather %.2f ns/element, random swap %.2f, strided gather "
				+ "(W=1024) %.2f; engine randperm (classic) %.2f ns/element, %.2f x the random swap (%d)%n", n, reps,
				gather, swap, strided, engine, engine / swap, sink & 1);
	}

	static long gather(int[] a, int[] targets, int count) {
		long sum = 0;
		for (int k = 0; k < count; k++) {
			sum += a[targets[k]];
		}
		return sum;
	}

	/** The engine's swap loop (ClassicRandperm.swap), its targets drawn ahead. */
	static void swap(int[] a, int start, int count, int[] targets) {
		for (int k = 0; k < count; k++) {
			int i = start + k;
			int j = targets[k];
			int swapped = a[i];
			a[i] = a[j];
			a[j] = swapped;
		}
	}

	/** A rank's list: a[r + k * w] for every rank r. */
	static long strided(int[] a, int w) {
		long sum = 0;
		for (int r = 0; r < w; r++) {
			for (int p = r; p < a.length; p += w) {
				sum += a[p];
			}
		}
		return sum;
	}

}
