package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.List;

/**
 * One DataLoader worker's seeds for one epoch.
 *
 * @param workerId the worker's id
 * @param seed the seed torch was last seeded with before the first sample: for plain
 * torch workers what the worker passes to {@code random.seed} and
 * {@code torch.manual_seed}: base seed + worker id; after a {@code worker_init_fn} such
 * as Lightning's, the seed it gives {@code torch.manual_seed}
 * @param numpySeed what {@code np.random.seed} last got: four words, or one word where
 * the caller passed a single int (Lightning 2.4), or {@code null} before torch 1.9, whose
 * workers do not seed NumPy
 * @param randomSeed what {@code random.seed} last got: the same as {@code seed} for plain
 * torch workers
 */
public record WorkerSeed(int workerId, BigInteger seed, List<Long> numpySeed, BigInteger randomSeed) {

	/**
	 * A plain torch worker, which gives {@code random.seed} and {@code torch.manual_seed}
	 * the same seed.
	 * @param workerId the worker's id
	 * @param seed base seed + worker id
	 * @param numpySeed the four words, or {@code null}
	 */
	public WorkerSeed(int workerId, BigInteger seed, List<Long> numpySeed) {
		this(workerId, seed, numpySeed, seed);
	}

}
