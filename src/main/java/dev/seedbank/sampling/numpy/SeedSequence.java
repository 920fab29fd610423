package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's {@code SeedSequence(entropy, spawn_key=...)} with the default pool of four
 * words, as {@code numpy/random/bit_generator.pyx} implements it (introduced in NumPy
 * 1.17; the zero padding of a short entropy before a spawn key since NumPy 1.19,
 * gh-16539; the hash is Melissa O'Neill's {@code seed_seq_fe}).
 * <p>
 * Each integer of the entropy and of the spawn key is split into 32-bit words, least
 * significant first ({@code _coerce_to_uint32_array}), mixed into the pool once, and
 * {@link #generateState} hashes the pool out again. Only {@link #spawn} changes state
 * (the count of children spawned), as in NumPy; not thread-safe.
 */
public final class SeedSequence {

	/** {@code DEFAULT_POOL_SIZE} in bit_generator.pyx. */
	private static final int POOL_SIZE = 4;

	/** {@code INIT_A} in bit_generator.pyx. */
	private static final int INIT_A = 0x43b0d7e5;

	/** {@code MULT_A} in bit_generator.pyx. */
	private static final int MULT_A = 0x931e8875;

	/** {@code INIT_B} in bit_generator.pyx. */
	private static final int INIT_B = 0x8b51f9dd;

	/** {@code MULT_B} in bit_generator.pyx. */
	private static final int MULT_B = 0x58f38ded;

	/** {@code MIX_MULT_L} in bit_generator.pyx. */
	private static final int MIX_MULT_L = 0xca01f9dd;

	/** {@code MIX_MULT_R} in bit_generator.pyx. */
	private static final int MIX_MULT_R = 0x4973f715;

	/** {@code XSHIFT} in bit_generator.pyx: half the bits of a uint32 word. */
	private static final int XSHIFT = 16;

	private final int[] pool = new int[POOL_SIZE];

	private final int[] entropyWords;

	private final List<BigInteger> spawnKey;

	private int childrenSpawned;

	/**
	 * {@code SeedSequence(entropy)}.
	 * @param entropy the seed, any non-negative size
	 * @throws IllegalArgumentException with NumPy's message when {@code entropy < 0}
	 */
	public SeedSequence(BigInteger entropy) {
		this(toUint32Words(entropy), List.of());
	}

	/**
	 * {@code SeedSequence([e0, e1, ...], spawn_key=(k0, ...))}, e.g. Lightning's
	 * {@code SeedSequence([base_seed, worker_id, global_rank])}.
	 * @param entropy the integers of the entropy list, each non-negative
	 * @param spawnKey the spawn key, empty for a root sequence
	 * @return the sequence
	 * @throws IllegalArgumentException with NumPy's message for a negative integer
	 */
	public static SeedSequence of(List<BigInteger> entropy, List<BigInteger> spawnKey) {
		return new SeedSequence(concatenatedWords(entropy), List.copyOf(spawnKey));
	}

	private SeedSequence(int[] entropyWords, List<BigInteger> spawnKey) {
		this.entropyWords = entropyWords;
		this.spawnKey = spawnKey;
		mixEntropy(assembledEntropy(entropyWords, concatenatedWords(spawnKey)));
	}

	/**
	 * {@code spawn(n)}: children with spawn keys {@code spawn_key + (i,)} for the next
	 * {@code n} values of {@code i}.
	 * @param n how many children
	 * @return the children, in order
	 */
	public List<SeedSequence> spawn(int n) {
		List<SeedSequence> children = new ArrayList<>(n);
		for (int i = this.childrenSpawned; i < this.childrenSpawned + n; i++) {
			List<BigInteger> key = new ArrayList<>(this.spawnKey);
			key.add(BigInteger.valueOf(i));
			children.add(new SeedSequence(this.entropyWords, List.copyOf(key)));
		}
		this.childrenSpawned += n;
		return children;
	}

	private static int[] concatenatedWords(List<BigInteger> integers) {
		List<int[]> parts = new ArrayList<>();
		int length = 0;
		for (BigInteger integer : integers) {
			int[] words = toUint32Words(integer);
			parts.add(words);
			length += words.length;
		}
		int[] all = new int[length];
		int at = 0;
		for (int[] words : parts) {
			System.arraycopy(words, 0, all, at, words.length);
			at += words.length;
		}
		return all;
	}

	/** {@code get_assembled_entropy}: a spawn key follows entropy padded to the pool. */
	private static int[] assembledEntropy(int[] run, int[] spawn) {
		if (spawn.length == 0) {
			return run;
		}
		int runLength = Math.max(run.length, POOL_SIZE);
		int[] all = new int[runLength + spawn.length];
		System.arraycopy(run, 0, all, 0, run.length);
		System.arraycopy(spawn, 0, all, runLength, spawn.length);
		return all;
	}

	/** {@code _int_to_uint32_array}: little-endian 32-bit words, {@code [0]} for zero. */
	private static int[] toUint32Words(BigInteger entropy) {
		if (entropy.signum() < 0) {
			throw new IllegalArgumentException("expected non-negative integer");
		}
		int count = Math.max(1, (entropy.bitLength() + 31) / 32);
		int[] words = new int[count];
		for (int i = 0; i < count; i++) {
			words[i] = entropy.shiftRight(32 * i).intValue();
		}
		return words;
	}

	/** {@code SeedSequence.mix_entropy}, with its running {@code hash_const}. */
	private void mixEntropy(int[] entropy) {
		int[] hashConst = { INIT_A };
		for (int i = 0; i < POOL_SIZE; i++) {
			this.pool[i] = hashmix((i < entropy.length) ? entropy[i] : 0, hashConst);
		}
		for (int src = 0; src < POOL_SIZE; src++) {
			for (int dst = 0; dst < POOL_SIZE; dst++) {
				if (src != dst) {
					this.pool[dst] = mix(this.pool[dst], hashmix(this.pool[src], hashConst));
				}
			}
		}
		for (int src = POOL_SIZE; src < entropy.length; src++) {
			for (int dst = 0; dst < POOL_SIZE; dst++) {
				this.pool[dst] = mix(this.pool[dst], hashmix(entropy[src], hashConst));
			}
		}
	}

	private static int hashmix(int value, int[] hashConst) {
		value ^= hashConst[0];
		hashConst[0] *= MULT_A;
		value *= hashConst[0];
		value ^= value >>> XSHIFT;
		return value;
	}

	private static int mix(int x, int y) {
		int result = MIX_MULT_L * x - MIX_MULT_R * y;
		result ^= result >>> XSHIFT;
		return result;
	}

	/**
	 * {@code generate_state(nWords, np.uint32)}.
	 * @param nWords how many words
	 * @return the words, each an unsigned 32-bit value held in an {@code int}
	 */
	public int[] generateState(int nWords) {
		int[] state = new int[nWords];
		int hashConst = INIT_B;
		for (int i = 0; i < nWords; i++) {
			int value = this.pool[i % POOL_SIZE];
			value ^= hashConst;
			hashConst *= MULT_B;
			value *= hashConst;
			value ^= value >>> XSHIFT;
			state[i] = value;
		}
		return state;
	}

	/**
	 * {@code generate_state(nWords, np.uint64)}: twice as many 32-bit words, paired low
	 * word first (NumPy views the little-endian uint32 array as uint64).
	 * @param nWords how many 64-bit words
	 * @return the words, each an unsigned 64-bit value held in a {@code long}
	 */
	public long[] generateState64(int nWords) {
		int[] words = generateState(2 * nWords);
		long[] state = new long[nWords];
		for (int i = 0; i < nWords; i++) {
			state[i] = Integer.toUnsignedLong(words[2 * i]) | ((long) words[2 * i + 1] << 32);
		}
		return state;
	}

}
