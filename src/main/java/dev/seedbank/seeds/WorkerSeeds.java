package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.MersenneTwister;

/**
 * DataLoader worker seeds, as torch 1.9+ computes them for a loader built with
 * {@code generator=torch.Generator().manual_seed(loaderSeed)} and a map-style dataset.
 * <p>
 * {@code torch/utils/data/dataloader.py} ({@code _BaseDataLoaderIter.__init__}) draws
 * {@code _base_seed = torch.empty((), dtype=torch.int64).random_(generator=loader.generator)},
 * which is the generator's {@code random64()} modulo 2^63, once per {@code iter(loader)}.
 * Nothing else draws from the loader's generator here: the sampler is a
 * DistributedSampler, which seeds its own generator with {@code seed + epoch}. (A
 * RandomSampler built by the loader for {@code shuffle=True} would draw from it, and an
 * {@code IterDataPipe} dataset draws a shared seed first; neither applies.) Persistent
 * workers keep the first iterator and are only reset, so its base seed serves every
 * epoch. {@code torch/utils/data/_utils/worker.py} ({@code _worker_loop}) then seeds
 * worker w with {@code base_seed + w} and, from torch 1.9, NumPy with
 * {@code _generate_state(base_seed, w)}.
 */
public final class WorkerSeeds {

	/** {@code random_()} on int64 keeps {@code random64() % (INT64_MAX + 1)}. */
	private static final long INT63_MASK = Long.MAX_VALUE;

	private WorkerSeeds() {
	}

	/**
	 * @param loaderSeed the seed given to the loader generator's {@code manual_seed}
	 * (only its low 32 bits reach the Mersenne Twister, as in torch)
	 * @param epoch the 0-based epoch, counting every {@code iter(loader)}
	 * @param numWorkers the loader's {@code num_workers}
	 * @param persistentWorkers the loader's {@code persistent_workers}
	 * @param torchVersion the torch release
	 * @return the base seed and each worker's seeds
	 */
	public static EpochWorkerSeeds forEpoch(BigInteger loaderSeed, int epoch, int numWorkers, boolean persistentWorkers,
			FrameworkVersion torchVersion) {
		if (epoch < 0) {
			throw new IllegalArgumentException("epoch must be at least 0");
		}
		if (numWorkers < 0) {
			throw new IllegalArgumentException("numWorkers must be at least 0");
		}
		int draws = persistentWorkers ? 1 : epoch + 1;
		MersenneTwister generator = new MersenneTwister(loaderSeed.longValue());
		long baseSeed = 0;
		for (int i = 0; i < draws; i++) {
			baseSeed = generator.nextLong() & INT63_MASK;
		}
		boolean numpySeeded = torchVersion.isAtLeast(FrameworkRules.NUMPY_WORKER_SEEDING_SINCE);
		List<WorkerSeed> workers = new ArrayList<>(numWorkers);
		for (int w = 0; w < numWorkers; w++) {
			BigInteger seed = BigInteger.valueOf(baseSeed).add(BigInteger.valueOf(w));
			workers.add(new WorkerSeed(w, seed, numpySeeded ? NumpyWorkerState.generate(baseSeed, w) : null));
		}
		return new EpochWorkerSeeds(loaderSeed, epoch, persistentWorkers, baseSeed, numpySeeded,
				note(epoch, persistentWorkers, numpySeeded, torchVersion), List.copyOf(workers));
	}

	private static String note(int epoch, boolean persistent, boolean numpySeeded, FrameworkVersion torch) {
		String draw = persistent ? "Persistent workers keep the base seed of the first iter(loader) for every epoch."
				: "The base seed is draw " + (epoch + 1) + " of the loader generator: one per iter(loader), so any "
						+ "extra iteration of the same loader shifts it.";
		String numpy = numpySeeded ? " Each worker seeds NumPy with _generate_state(base_seed, worker_id)."
				: " torch " + torch + " workers do not seed NumPy (torch seeds it from 1.9.0): workers keep the "
						+ "NumPy state they start with, under fork the parent's, the same in every worker.";
		return draw + numpy;
	}

}
