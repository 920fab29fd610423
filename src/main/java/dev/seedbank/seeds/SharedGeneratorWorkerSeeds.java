package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.RandomSamplerOrder;
import dev.seedbank.sampling.TorchVersion;

/**
 * The workers of a {@code random} record with {@code dataLoader: true}: the loader and
 * its {@code RandomSampler} share one generator seeded with the sampler seed, so the base
 * seed of {@code iter(loader)} e is drawn after the sampler's draws of every earlier
 * epoch ({@link RandomSamplerOrder#loaderBaseSeed}, which counts them for the recorded
 * {@code num_samples} and {@code replacement}); persistent workers keep the first
 * iterator's. Each worker is then seeded as {@link WorkerSeeds} describes
 * ({@code torch/utils/data/_utils/worker.py}).
 */
public final class SharedGeneratorWorkerSeeds {

	private SharedGeneratorWorkerSeeds() {
	}

	/**
	 * @param samplerSeed the shared generator's {@code manual_seed}
	 * @param epoch the 0-based {@code iter(loader)}
	 * @param numWorkers the loader's {@code num_workers}
	 * @param persistentWorkers the loader's {@code persistent_workers}
	 * @param datasetSize {@code len(dataset)}
	 * @param replacement the sampler's {@code replacement}
	 * @param numSamples the sampler's {@code num_samples}, {@code null} for the default
	 * @param torchVersion the torch release
	 * @return the base seed and each worker's seeds
	 */
	public static EpochWorkerSeeds forEpoch(BigInteger samplerSeed, int epoch, int numWorkers,
			boolean persistentWorkers, long datasetSize, boolean replacement, Long numSamples,
			TorchVersion torchVersion) {
		long baseSeed = RandomSamplerOrder.loaderBaseSeed(samplerSeed, persistentWorkers ? 0 : epoch, datasetSize,
				replacement, numSamples, torchVersion);
		FrameworkVersion torch = FrameworkVersion.parse(torchVersion.toString());
		boolean numpySeeded = torch.isAtLeast(FrameworkRules.NUMPY_WORKER_SEEDING_SINCE);
		List<WorkerSeed> workers = new ArrayList<>(numWorkers);
		for (int w = 0; w < numWorkers; w++) {
			BigInteger seed = BigInteger.valueOf(baseSeed).add(BigInteger.valueOf(w));
			workers.add(new WorkerSeed(w, seed, numpySeeded ? NumpyWorkerState.generate(baseSeed, w) : null));
		}
		String note = "The loader's generator is the RandomSampler's: the base seed is drawn before the sampler's "
				+ "draws of that iter(loader), after those of every earlier one"
				+ (persistentWorkers ? "; persistent workers keep the first iter's base seed." : ".")
				+ (numpySeeded ? " Each worker seeds NumPy with _generate_state(base_seed, worker_id)."
						: " torch " + torch + " workers do not seed NumPy.");
		return new EpochWorkerSeeds(samplerSeed, epoch, persistentWorkers, baseSeed, numpySeeded, note,
				List.copyOf(workers));
	}

}
