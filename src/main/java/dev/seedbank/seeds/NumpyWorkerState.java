package dev.seedbank.seeds;

import java.util.List;

/**
 * Torch's {@code _generate_state(base_seed, worker_id)}: the four 32-bit words a
 * DataLoader worker passes to {@code np.random.seed}, exactly as
 * {@code torch/utils/data/_utils/worker.py} computes them (added in torch 1.9.0 by
 * pytorch/pytorch#56797). Torch adapted it from NumPy's {@code SeedSequence}
 * ({@code numpy/random/bit_generator.pyx}); all arithmetic is modulo 2^32.
 * <p>
 * It is exactly {@code np.random.SeedSequence(entropy).generate_state(4)} for an entropy
 * of at most four 32-bit words and no spawn key: SeedSequence hashes each entropy word
 * into its 4-word pool, hashing 0 where the entropy is shorter, mixes the pool, and only
 * longer entropy takes a further step. Lightning's {@code pl_worker_init_function} uses
 * that form ({@link #seedSequence(int[])}).
 */
final class NumpyWorkerState {

	/** {@code INIT_A} in worker.py (SeedSequence's hash multiplier seed). */
	private static final int INIT_A = 0x43b0d7e5;

	/** {@code MULT_A} in worker.py. */
	private static final int MULT_A = 0x931e8875;

	/** {@code INIT_B} in worker.py. */
	private static final int INIT_B = 0x8b51f9dd;

	/** {@code MULT_B} in worker.py. */
	private static final int MULT_B = 0x58f38ded;

	/** {@code MIX_MULT_L} in worker.py. */
	private static final int MIX_MULT_L = 0xca01f9dd;

	/** {@code MIX_MULT_R} in worker.py. */
	private static final int MIX_MULT_R = 0x4973f715;

	/** {@code XSHIFT = 4 * 8 // 2} in worker.py: half a 32-bit word. */
	private static final int XSHIFT = 16;

	/** Pool size and output length: worker.py's {@code pool = [0] * 4}. */
	private static final int WORDS = 4;

	private int hashConstA = INIT_A;

	private NumpyWorkerState() {
	}

	/**
	 * @param baseSeed the loader iterator's {@code _base_seed}, in [0, 2^63)
	 * @param workerId the worker's id
	 * @return the four words, each in [0, 2^32)
	 */
	static List<Long> generate(long baseSeed, int workerId) {
		return seedSequence(new int[] { workerId, (int) baseSeed, (int) (baseSeed >>> 32), 0 });
	}

	/**
	 * @param entropy at most four 32-bit words, as SeedSequence assembles them (each
	 * non-negative int split into little-endian 32-bit words, 0 as one word)
	 * @return {@code SeedSequence(entropy).generate_state(4)}, each word in [0, 2^32)
	 */
	static List<Long> seedSequence(int[] entropy) {
		if (entropy.length > WORDS) {
			throw new IllegalArgumentException("at most " + WORDS + " entropy words");
		}
		return new NumpyWorkerState().state(entropy);
	}

	private List<Long> state(int[] entropy) {
		int[] pool = new int[WORDS];
		for (int i = 0; i < WORDS; i++) {
			pool[i] = hash((i < entropy.length) ? entropy[i] : 0);
		}
		for (int src = 0; src < WORDS; src++) {
			for (int dst = 0; dst < WORDS; dst++) {
				if (src != dst) {
					pool[dst] = mix(pool[dst], hash(pool[src]));
				}
			}
		}
		int hashConstB = INIT_B;
		Long[] words = new Long[WORDS];
		for (int i = 0; i < WORDS; i++) {
			int value = pool[i] ^ hashConstB;
			hashConstB *= MULT_B;
			value *= hashConstB;
			value ^= value >>> XSHIFT;
			words[i] = Integer.toUnsignedLong(value);
		}
		return List.of(words);
	}

	private int hash(int value) {
		value ^= this.hashConstA;
		this.hashConstA *= MULT_A;
		value *= this.hashConstA;
		return value ^ (value >>> XSHIFT);
	}

	private static int mix(int x, int y) {
		int result = MIX_MULT_L * x - MIX_MULT_R * y;
		return result ^ (result >>> XSHIFT);
	}

}
