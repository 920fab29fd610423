package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.List;

/**
 * The seeds of every DataLoader worker of one rank for one epoch.
 *
 * @param loaderSeed the seed of the loader's {@code generator}
 * @param epoch the epoch (the {@code epoch}-th {@code iter(loader)}, 0-based)
 * @param persistentWorkers whether the workers persist across epochs
 * @param baseSeed the loader iterator's {@code _base_seed}
 * @param numpySeeded whether the workers seed NumPy (torch 1.9 and later)
 * @param note how the base seed was drawn, in words
 * @param workers one entry per worker
 */
public record EpochWorkerSeeds(BigInteger loaderSeed, int epoch, boolean persistentWorkers, long baseSeed,
		boolean numpySeeded, String note, List<WorkerSeed> workers) {
}
