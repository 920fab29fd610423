package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.seeds.SeedRuleException.Kind;

/**
 * The seeds Lightning's {@code pl_worker_init_function} gives each DataLoader worker
 * after {@code seed_everything(seed, workers=True)}
 * ({@code src/lightning/fabric/utilities/seed.py}; the Trainer and Fabric install it as
 * {@code worker_init_fn=partial(pl_worker_init_function, rank=global_rank)} through
 * {@code _auto_add_worker_init_fn}). It runs after torch's own worker seeding, backs out
 * the loader's base seed as {@code torch.initial_seed() - worker_id} and re-seeds the
 * worker from (base seed, worker id, global rank). Releases:
 * <ul>
 * <li>before 2.4.0 (from 1.3.0, Lightning-AI/pytorch-lightning#6960): every seed from
 * {@code np.random.SeedSequence([base_seed, worker_id, global_rank])} and its
 * {@code spawn(2)} children. Not reproduced here: it needs SeedSequence's spawn keys,
 * which the NumPy port (branch {@code numpy}) brings.</li>
 * <li>2.4.0 (#20055): {@code _generate_seed_sequence}, an LCG ({@code x = x *
 * 6364136223846793005 + 1 mod 2^64}) over {@code (base_seed << 32) | (worker_id << 16) |
 * global_rank}: draw 0 seeds torch, draws 1 and 2 give {@code random.seed((s1 << 32) |
 * s2)}, and NumPy gets {@code s3 & 0xFFFFFFFF}.</li>
 * <li>2.5.0 (#20369): NumPy gets {@code SeedSequence([base_seed, worker_id,
 * global_rank]).generate_state(4)} instead.</li>
 * <li>2.6.1 (#21399): the combined seed passes a MurmurHash3 finalizer before the
 * LCG.</li>
 * </ul>
 * Each boundary is the first release whose CHANGELOG (lightning 2.6.6's
 * {@code pytorch/CHANGELOG.md}) lists the change.
 */
public final class LightningWorkerSeeds {

	/**
	 * {@code _generate_seed_sequence} and its LCG: Lightning-AI/pytorch-lightning#20055.
	 */
	public static final ReleaseVersion LCG_SINCE = new ReleaseVersion(2, 4, 0);

	/** NumPy seeded from {@code SeedSequence}: Lightning-AI/pytorch-lightning#20369. */
	public static final ReleaseVersion NUMPY_SEED_SEQUENCE_SINCE = new ReleaseVersion(2, 5, 0);

	/** The MurmurHash3 finalizer before the LCG: Lightning-AI/pytorch-lightning#21399. */
	public static final ReleaseVersion HASH_MIXING_SINCE = new ReleaseVersion(2, 6, 1);

	/**
	 * The newest release whose {@code pl_worker_init_function} was read and checked
	 * against real workers (the reference venv's lightning 2.6.6); the default where a
	 * request names none.
	 */
	public static final ReleaseVersion NEWEST_CHECKED = new ReleaseVersion(2, 6, 6);

	/** The LCG's multiplier, Knuth's MMIX constant, as in seed.py. */
	private static final long LCG_MULTIPLIER = 6364136223846793005L;

	/** The LCG's increment, as in seed.py. */
	private static final long LCG_INCREMENT = 1;

	/** MurmurHash3's fmix64 first multiplier, as in seed.py. */
	private static final long FMIX_1 = 0xFF51AFD7ED558CCDL;

	/** MurmurHash3's fmix64 second multiplier, as in seed.py. */
	private static final long FMIX_2 = 0xC4CEB9FE1A85EC53L;

	/** fmix64's shift, as in seed.py. */
	private static final int FMIX_SHIFT = 33;

	/** 2^64, to read a Java long as Python's unsigned int. */
	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	private LightningWorkerSeeds() {
	}

	/**
	 * @param torchWorkers the loader's worker seeds for the epoch, as torch gives them
	 * ({@link WorkerSeeds#forEpoch})
	 * @param globalRank the rank Lightning passes to {@code pl_worker_init_function}
	 * @param lightningVersion the Lightning release
	 * @return the same epoch with each worker's seeds after
	 * {@code pl_worker_init_function}
	 * @throws SeedRuleException naming {@code frameworkVersion} before 2.4.0 and
	 * {@code rank} for a negative rank
	 */
	public static EpochWorkerSeeds afterWorkerInit(EpochWorkerSeeds torchWorkers, int globalRank,
			ReleaseVersion lightningVersion) {
		if (!lightningVersion.isAtLeast(LCG_SINCE)) {
			throw new SeedRuleException(Kind.INVALID, "frameworkVersion",
					"Lightning " + lightningVersion + " seeds workers from NumPy's SeedSequence spawn children "
							+ "(before Lightning-AI/pytorch-lightning#20055, 2.4.0); seedbank reproduces "
							+ "pl_worker_init_function from 2.4.0");
		}
		if (globalRank < 0) {
			throw new SeedRuleException(Kind.INVALID, "rank", "must not be negative");
		}
		List<WorkerSeed> workers = new ArrayList<>(torchWorkers.workers().size());
		for (WorkerSeed worker : torchWorkers.workers()) {
			workers.add(worker(torchWorkers.baseSeed(), worker.workerId(), globalRank, lightningVersion));
		}
		String note = torchWorkers.note() + " Lightning's pl_worker_init_function (seed_everything(workers=True), "
				+ "rank " + globalRank + ") then re-seeds torch, random and NumPy from (base seed, worker id, rank).";
		return new EpochWorkerSeeds(torchWorkers.loaderSeed(), torchWorkers.epoch(), torchWorkers.persistentWorkers(),
				torchWorkers.baseSeed(), true, note, List.copyOf(workers));
	}

	static WorkerSeed worker(long baseSeed, int workerId, int globalRank, ReleaseVersion version) {
		long[] draws = seedSequence(baseSeed, workerId, globalRank, version.isAtLeast(HASH_MIXING_SINCE));
		BigInteger torchSeed = unsigned(draws[0]);
		BigInteger randomSeed = unsigned(draws[1]).shiftLeft(32).or(unsigned(draws[2]));
		List<Long> numpySeed = version.isAtLeast(NUMPY_SEED_SEQUENCE_SINCE)
				? NumpyWorkerState.seedSequence(entropy(baseSeed, workerId, globalRank))
				: List.of(draws[3] & 0xFFFF_FFFFL);
		return new WorkerSeed(workerId, torchSeed, numpySeed, randomSeed);
	}

	/** {@code _generate_seed_sequence(base_seed, worker_id, global_rank, count=4)}. */
	private static long[] seedSequence(long baseSeed, int workerId, int globalRank, boolean mixed) {
		BigInteger combined = BigInteger.valueOf(baseSeed)
			.shiftLeft(32)
			.or(BigInteger.valueOf(((long) workerId << 16) | globalRank));
		long x;
		if (mixed) {
			// The first shift reads Python's unbounded int, bits above 64 included.
			x = combined.xor(combined.shiftRight(FMIX_SHIFT)).longValue();
			x *= FMIX_1;
			x ^= x >>> FMIX_SHIFT;
			x *= FMIX_2;
			x ^= x >>> FMIX_SHIFT;
		}
		else {
			x = combined.longValue();
		}
		long[] draws = new long[4];
		for (int i = 0; i < draws.length; i++) {
			x = x * LCG_MULTIPLIER + LCG_INCREMENT;
			draws[i] = x;
		}
		return draws;
	}

	/**
	 * SeedSequence's entropy for {@code [base_seed, worker_id, global_rank]}: each int as
	 * its little-endian 32-bit words (0 as one word), concatenated
	 * ({@code numpy/random/bit_generator.pyx}, {@code _coerce_to_uint32_array}).
	 */
	private static int[] entropy(long baseSeed, int workerId, int globalRank) {
		return ((baseSeed >>> 32) != 0) ? new int[] { (int) baseSeed, (int) (baseSeed >>> 32), workerId, globalRank }
				: new int[] { (int) baseSeed, workerId, globalRank };
	}

	private static BigInteger unsigned(long value) {
		BigInteger signed = BigInteger.valueOf(value);
		return (value < 0) ? signed.add(TWO_64) : signed;
	}

}
