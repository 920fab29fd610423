package dev.seedbank.sampling.timeline;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.TorchVersion;

/**
 * Ranks whose {@code DistributedSampler}s were seeded differently each shuffle their own
 * permutation, so their strided shares overlap (mlcommons training PR #625 measured
 * 20-30%). Counts, for one epoch, the samples more than one rank reads and the samples no
 * rank reads: one byte per sample for the number of ranks that read it and one bit per
 * sample for the rank being counted. Even with equal seeds torch's padding makes the
 * ranks overlap by {@code total_size - N} samples, which this reports too.
 */
public final class DisjointnessLint {

	private DisjointnessLint() {
	}

	/**
	 * @param datasetSize {@code len(dataset)}
	 * @param worldSize {@code num_replicas}
	 * @param epoch the value given to {@code set_epoch}
	 * @param shuffle {@code shuffle}
	 * @param dropLast {@code drop_last}
	 * @param seeds the seed each rank gave its sampler, rank 0 first
	 * @param version the torch release
	 * @param permutations computes or looks up a permutation
	 * @return the overlap
	 */
	public static Report check(long datasetSize, int worldSize, long epoch, boolean shuffle, boolean dropLast,
			List<BigInteger> seeds, TorchVersion version, Function<PermutationKey, Permutation> permutations) {
		if (worldSize < 1) {
			throw new InvalidSamplerArgumentException("worldSize", "must be at least 1");
		}
		if (seeds == null || seeds.size() != worldSize) {
			throw new InvalidSamplerArgumentException("seeds", "must hold one seed per rank (" + worldSize + ")");
		}
		byte[] ranksReading = null;
		BitSet readByThisRank = null;
		for (int r = 0; r < worldSize; r++) {
			SamplerPlan plan = SamplerPlan
				.of(new SamplerParameters(datasetSize, worldSize, epoch, seeds.get(r), shuffle, dropLast, version));
			if (ranksReading == null) {
				ranksReading = new byte[(int) datasetSize];
				readByThisRank = new BitSet((int) datasetSize);
			}
			readByThisRank.clear();
			RankOrder order = plan.rank(r, plan.permutationKey().map(permutations).orElse(null));
			for (long k = 0; k < order.length(); k++) {
				int index = (int) order.get(k);
				if (!readByThisRank.get(index)) {
					readByThisRank.set(index);
					if (ranksReading[index] != (byte) 255) {
						ranksReading[index]++;
					}
				}
			}
		}
		long overlapping = 0;
		long never = 0;
		for (byte b : ranksReading) {
			int c = b & 0xFF;
			if (c == 0) {
				never++;
			}
			else if (c > 1) {
				overlapping++;
			}
		}
		return new Report(overlapping, never, overlapping == 0);
	}

	/**
	 * @param overlapping samples read by more than one rank
	 * @param neverSeen samples no rank reads
	 * @param disjoint whether no sample is read by two ranks
	 */
	public record Report(long overlapping, long neverSeen, boolean disjoint) {
	}

}
