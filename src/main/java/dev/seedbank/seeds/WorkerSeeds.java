package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.MersenneTwister;
import dev.seedbank.sampling.RandomSamplerOrder;
import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.sampling.TorchVersion;

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
			ReleaseVersion torchVersion) {
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
		String draw = persistentWorkers
				? "Persistent workers keep the base seed of the first iter(loader) for every epoch."
				: "The base seed is draw " + (epoch + 1) + " of the loader generator: one per iter(loader), so any "
						+ "extra iteration of the same loader shifts it.";
		return forBaseSeed(loaderSeed, epoch, persistentWorkers, baseSeed, numWorkers, torchVersion, draw);
	}

	/**
	 * The worker seeds of a {@code DataLoader(dataset, batch_size=..., shuffle=True,
	 * generator=torch.Generator().manual_seed(loaderSeed))}: the {@code RandomSampler}
	 * that {@code shuffle=True} builds draws from the loader's generator too, so the base
	 * seed of epoch e comes after e iterations of sampler draws
	 * ({@link RandomSamplerOrder#loaderBaseSeed}, torch 1.11.0 and later). Persistent
	 * workers keep the first iterator: its base seed, drawn before any sampler draw.
	 * @param loaderSeed the loader generator's {@code manual_seed}
	 * @param epoch the 0-based {@code iter(loader)}
	 * @param numWorkers the loader's {@code num_workers}
	 * @param persistentWorkers the loader's {@code persistent_workers}
	 * @param datasetSize {@code len(dataset)}, which sets how much the sampler draws
	 * @param replacement the sampler's {@code replacement}
	 * @param numSamples the sampler's {@code num_samples}, {@code null} for the default
	 * @param torchVersion the torch release
	 * @return the base seed and each worker's seeds
	 * @throws dev.seedbank.sampling.InvalidSamplerArgumentException for arguments out of
	 * range
	 * @throws dev.seedbank.sampling.TorchWouldRaiseException where torch raises (an empty
	 * dataset, a seed outside manual_seed's range)
	 */
	public static EpochWorkerSeeds forShufflingLoader(BigInteger loaderSeed, int epoch, int numWorkers,
			boolean persistentWorkers, long datasetSize, boolean replacement, Long numSamples,
			TorchVersion torchVersion) {
		long baseSeed = RandomSamplerOrder.loaderBaseSeed(loaderSeed, persistentWorkers ? 0 : epoch, datasetSize,
				replacement, numSamples, torchVersion);
		String draw = persistentWorkers
				? "Persistent workers keep the base seed of the first iter(loader), drawn before the shuffle's "
						+ "RandomSampler draws, for every epoch."
				: "The base seed is the loader generator's first draw of iter(loader) " + epoch + ", after the "
						+ "randperm draws of the RandomSampler that shuffle=True builds on the same generator in "
						+ "every earlier epoch.";
		return forBaseSeed(loaderSeed, epoch, persistentWorkers, baseSeed, numWorkers, torchVersion.release(), draw);
	}

	/**
	 * The workers of a loader whose base seed is known.
	 * @param loaderSeed the seed of the loader's generator
	 * @param epoch the 0-based epoch
	 * @param persistentWorkers the loader's {@code persistent_workers}
	 * @param baseSeed the iterator's {@code _base_seed}, in [0, 2^63)
	 * @param numWorkers the loader's {@code num_workers}
	 * @param torchVersion the torch release
	 * @param draw how the base seed was drawn, in words
	 * @return each worker's seeds
	 */
	public static EpochWorkerSeeds forBaseSeed(BigInteger loaderSeed, int epoch, boolean persistentWorkers,
			long baseSeed, int numWorkers, ReleaseVersion torchVersion, String draw) {
		if (numWorkers < 0) {
			throw new IllegalArgumentException("numWorkers must be at least 0");
		}
		boolean numpySeeded = torchVersion.isAtLeast(FrameworkRules.NUMPY_WORKER_SEEDING_SINCE);
		List<WorkerSeed> workers = new ArrayList<>(numWorkers);
		for (int w = 0; w < numWorkers; w++) {
			BigInteger seed = BigInteger.valueOf(baseSeed).add(BigInteger.valueOf(w));
			workers.add(new WorkerSeed(w, seed, numpySeeded ? NumpyWorkerState.generate(baseSeed, w) : null));
		}
		return new EpochWorkerSeeds(loaderSeed, epoch, persistentWorkers, baseSeed, numpySeeded,
				draw + note(numpySeeded, torchVersion), List.copyOf(workers));
	}

	private static String note(boolean numpySeeded, ReleaseVersion torch) {
		return numpySeeded ? " Each worker seeds NumPy with _generate_state(base_seed, worker_id)."
				: " torch " + torch + " workers do not seed NumPy (torch seeds it from 1.9.0): workers keep the "
						+ "NumPy state they start with, under fork the parent's, the same in every worker.";
	}

}
