package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the seeding of two experiments.
 * <p>
 * A DistributedSampler's order depends on the dataset size, world size, shuffle,
 * drop_last, the randperm algorithm of the torch release, and, when shuffling, on
 * {@code seed + epoch} through a fresh {@code torch.Generator}, whose Mersenne Twister
 * keeps only the low 32 bits of the seed ({@code aten/src/ATen/core/MT19937RNGEngine.h}).
 * Two sampler seeds that agree modulo 2^32 therefore give the same order in every epoch.
 */
public final class SeedComparisons {

	private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);

	private SeedComparisons() {
	}

	/**
	 * @param left one experiment
	 * @param right the other
	 * @return the comparison
	 */
	public static SeedComparison compare(ComparedExperiment left, ComparedExperiment right) {
		List<String> settings = new ArrayList<>();
		differs(settings, "datasetSize", left.datasetSize(), right.datasetSize());
		differs(settings, "worldSize", left.seeds().worldSize(), right.seeds().worldSize());
		differs(settings, "shuffle", left.shuffle(), right.shuffle());
		differs(settings, "dropLast", left.dropLast(), right.dropLast());
		boolean shuffled = left.shuffle() && right.shuffle();
		if (shuffled) {
			differs(settings, "randpermVariant", left.randpermVariant(), right.randpermVariant());
		}
		List<String> seeds = new ArrayList<>();
		differs(seeds, "globalSeed", left.seeds().globalSeed(), right.seeds().globalSeed());
		differs(seeds, "dataSeed", left.seeds().dataSeed(), right.seeds().dataSeed());
		differs(seeds, "effectiveDataSeed", left.effectiveDataSeed(), right.effectiveDataSeed());
		List<Integer> ranks = differentProcessSeeds(left.seeds(), right.seeds());
		if (!ranks.isEmpty() || left.seeds().worldSize() != right.seeds().worldSize()) {
			seeds.add("processSeeds");
		}
		boolean sameSamplerSeed = lowBits(left.effectiveDataSeed()).equals(lowBits(right.effectiveDataSeed()));
		boolean sameOrder = settings.isEmpty() && (!shuffled || sameSamplerSeed);
		return new SeedComparison(sameOrder, explain(left, right, settings, shuffled, sameOrder), List.copyOf(settings),
				List.copyOf(seeds), ranks, warnings(left, right, shuffled, sameOrder));
	}

	private static void differs(List<String> names, String name, Object left, Object right) {
		if (!Objects.equals(left, right)) {
			names.add(name);
		}
	}

	private static BigInteger lowBits(BigInteger seed) {
		return seed.mod(TWO_TO_32);
	}

	private static List<Integer> differentProcessSeeds(SeedRequest left, SeedRequest right) {
		List<Integer> ranks = new ArrayList<>();
		int common = Math.min(left.worldSize(), right.worldSize());
		for (int rank = 0; rank < common; rank++) {
			if (!FrameworkRules.processSeed(left, rank).equals(FrameworkRules.processSeed(right, rank))) {
				ranks.add(rank);
			}
		}
		return List.copyOf(ranks);
	}

	private static String explain(ComparedExperiment left, ComparedExperiment right, List<String> settings,
			boolean shuffled, boolean sameOrder) {
		if (!settings.isEmpty()) {
			return "Different data order: the sampler settings " + String.join(", ", settings) + " differ.";
		}
		if (!shuffled) {
			return "Same data order: neither sampler shuffles, so the order does not depend on any seed.";
		}
		if (!sameOrder) {
			return "Different data order: the sampler seeds " + left.effectiveDataSeed() + " and "
					+ right.effectiveDataSeed() + " differ.";
		}
		if (!left.effectiveDataSeed().equals(right.effectiveDataSeed())) {
			return "Same data order: the sampler seeds " + left.effectiveDataSeed() + " and "
					+ right.effectiveDataSeed() + " differ but agree in their low 32 bits, all that torch's "
					+ "generator keeps.";
		}
		return "Same data order: both samplers shuffle with seed " + left.effectiveDataSeed() + " + epoch.";
	}

	private static List<String> warnings(ComparedExperiment left, ComparedExperiment right, boolean shuffled,
			boolean sameOrder) {
		List<String> warnings = new ArrayList<>();
		boolean bothDefaultZero = left.effectiveDataSeed().signum() == 0 && right.effectiveDataSeed().signum() == 0;
		if (sameOrder && shuffled && bothDefaultZero && !left.seeds().globalSeed().equals(right.seeds().globalSeed())) {
			warnings.add("different global seeds, same data order: both use the default data seed 0 "
					+ "(torch's DistributedSampler and Composer's dist.get_sampler ignore the global seed), "
					+ "so these runs differ in initialization and augmentation but not in the order of the data.");
		}
		return List.copyOf(warnings);
	}

}
