package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.List;

/**
 * One DataLoader worker's seeds for one epoch.
 *
 * @param workerId the worker's id
 * @param seed what the worker passes to {@code random.seed} and
 * {@code torch.manual_seed}: base seed + worker id
 * @param numpySeed the four words passed to {@code np.random.seed}, or {@code null}
 * before torch 1.9, whose workers do not seed NumPy
 */
public record WorkerSeed(int workerId, BigInteger seed, List<Long> numpySeed) {
}
