package dev.seedbank.manifest;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * The DataLoader whose worker seeds are asked for, checked where the query enters.
 *
 * @param epoch the epoch-th {@code iter(loader)}, counting from 0
 * @param numWorkers the loader's {@code num_workers}, at least 1
 * @param persistentWorkers the loader's {@code persistent_workers}
 */
record LoaderWorkers(int epoch, int numWorkers, boolean persistentWorkers) {

	/** Most DataLoader workers answered; no real loader comes near it. */
	static final int MAX_WORKERS = 1024;

	/**
	 * Highest epoch answered: the base seed of epoch e is the (e+1)-th draw of the loader
	 * generator, so the cost grows with e (tens of milliseconds at the cap).
	 */
	static final int MAX_EPOCH = 1_000_000;

	/**
	 * A loader without a record.
	 * @throws InvalidSamplerArgumentException naming {@code numWorkers} or {@code epoch}
	 */
	static LoaderWorkers of(int epoch, int numWorkers, boolean persistentWorkers) {
		return of(epoch, numWorkers, persistentWorkers, "");
	}

	/**
	 * A loader of a recorded rank, whose process seed applies without workers.
	 * @throws InvalidSamplerArgumentException naming {@code numWorkers} or {@code epoch}
	 */
	static LoaderWorkers ofRank(int epoch, int numWorkers, boolean persistentWorkers) {
		return of(epoch, numWorkers, persistentWorkers, "; the rank's processSeed is what applies");
	}

	private static LoaderWorkers of(int epoch, int numWorkers, boolean persistentWorkers, String withoutWorkers) {
		if (numWorkers == 0) {
			throw new InvalidSamplerArgumentException("numWorkers", "must be at least 1: with num_workers=0 the main "
					+ "process loads the data and no worker is seeded" + withoutWorkers);
		}
		if (numWorkers < 0 || numWorkers > MAX_WORKERS) {
			throw new InvalidSamplerArgumentException("numWorkers", "must be between 1 and " + MAX_WORKERS);
		}
		if (epoch < 0 || epoch > MAX_EPOCH) {
			throw new InvalidSamplerArgumentException("epoch", "must be between 0 and " + MAX_EPOCH);
		}
		return new LoaderWorkers(epoch, numWorkers, persistentWorkers);
	}

}
