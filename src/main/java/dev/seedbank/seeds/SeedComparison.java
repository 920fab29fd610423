package dev.seedbank.seeds;

import java.util.List;

/**
 * Whether two experiments see the same data order, and which seeds differ.
 *
 * @param sameDataOrder whether every rank gets the same indices in every epoch
 * @param explanation why, in words
 * @param differingSettings sampler settings that differ: {@code datasetSize},
 * {@code worldSize}, {@code shuffle}, {@code dropLast}, {@code randpermVariant}
 * @param differingSeeds seeds that differ: {@code globalSeed}, {@code dataSeed},
 * {@code effectiveDataSeed}, {@code processSeeds}
 * @param ranksWithDifferentProcessSeeds the ranks, present in both, whose process seeds
 * differ
 * @param warnings pitfalls, in words
 */
public record SeedComparison(boolean sameDataOrder, String explanation, List<String> differingSettings,
		List<String> differingSeeds, List<Integer> ranksWithDifferentProcessSeeds, List<String> warnings) {
}
