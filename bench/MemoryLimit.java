import java.util.SplittableRandom;

/**
 * The memory system's limit for the loops seedbank's permutations are made of, over an int
 * array of N elements (1e8: 400 MB, far beyond the caches), in ns per element, best of REPS:
 * a random gather (sum of a[t[k]], targets drawn ahead in 64K blocks), a random swap loop
 * (swap a[i] and a[t[i]], the Fisher-Yates shape without the generator), and the strided
 * gather a rank's list is (a[r + k * W], W = 1024). Run by bench/memory-limit.sh:
 * java [-XX:+UseTransparentHugePages] bench/MemoryLimit.java [N] [REPS]
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
		for (int rep = 0; rep < reps; rep++) {
			SplittableRandom random = new SplittableRandom(rep);
			long t0 = System.nanoTime();
			for (int start = 0; start < n; start += BLOCK) {
				int count = Math.min(BLOCK, n - start);
				for (int k = 0; k < count; k++) {
					targets[k] = random.nextInt(n);
				}
				for (int k = 0; k < count; k++) {
					sink += a[targets[k]];
				}
			}
			gather = Math.min(gather, (System.nanoTime() - t0) / (double) n);
			t0 = System.nanoTime();
			for (int start = 0; start < n - 1; start += BLOCK) {
				int count = Math.min(BLOCK, n - 1 - start);
				for (int k = 0; k < count; k++) {
					targets[k] = start + k + random.nextInt(n - start - k);
				}
				for (int k = 0; k < count; k++) {
					int i = start + k;
					int j = targets[k];
					int swapped = a[i];
					a[i] = a[j];
					a[j] = swapped;
				}
			}
			swap = Math.min(swap, (System.nanoTime() - t0) / (double) n);
			t0 = System.nanoTime();
			int w = 1024;
			for (int r = 0; r < w; r++) {
				for (long p = r; p < n; p += w) {
					sink += a[(int) p];
				}
			}
			strided = Math.min(strided, (System.nanoTime() - t0) / (double) n);
		}
		// Generating the targets (SplittableRandom, a few ns) is included in the first two,
		// as drawing them is in randperm; the gather alone is a little less.
		System.out.printf("n=%d: random gather %.2f ns/element, random swap %.2f ns/element, "
				+ "strided gather (W=1024) %.2f ns/element (%d)%n", n, gather, swap, strided, sink & 1);
	}

}
