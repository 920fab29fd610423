package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.SamplerSpecJson;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.seeds.SeedComparison;
import tools.jackson.databind.JsonNode;

/**
 * Compares the data order of two records when either sampler is not a
 * {@code DistributedSampler} (both distributed: {@code SeedComparisons} decides, with its
 * modulo-2^32 rule). Conservative by design: two records see the same order only when
 * their orders are equal by construction, that is the same kind with equal settings, the
 * same torch randperm algorithm where the kind draws from torch, and the same sampler
 * seed unless the kind does not shuffle. Two different kinds never do, even where some
 * rank's list happens to coincide.
 */
final class SamplerComparison {

	private SamplerComparison() {
	}

	static boolean applies(ExperimentSnapshot left, ExperimentSnapshot right) {
		return !(left.sampler() instanceof DistributedSpec) || !(right.sampler() instanceof DistributedSpec);
	}

	/**
	 * @param left one record
	 * @param right the other
	 * @param seeds the seed comparison of the two (differing seeds and process seeds are
	 * kept)
	 * @return the comparison, with the sampler fields that differ by name
	 */
	static SeedComparison compare(ExperimentSnapshot left, ExperimentSnapshot right, SeedComparison seeds) {
		List<String> settings = differingFields(SamplerSpecJson.write(left.sampler()),
				SamplerSpecJson.write(right.sampler()));
		boolean sameKind = left.sampler().kind().equals(right.sampler().kind());
		if (sameKind && drawsFromTorch(left.sampler())) {
			String leftVariant = RandpermVariants.of(left.torch(), left.sampler().datasetSize());
			String rightVariant = RandpermVariants.of(right.torch(), right.sampler().datasetSize());
			if (!leftVariant.equals(rightVariant)) {
				settings.add("randpermVariant");
			}
		}
		boolean seedMatters = !(left.sampler() instanceof AccelerateSpec a && !a.shuffle());
		BigInteger leftSeed = left.effectiveDataSeed();
		BigInteger rightSeed = right.effectiveDataSeed();
		boolean sameOrder = settings.isEmpty() && (!seedMatters || leftSeed.equals(rightSeed));
		String explanation;
		if (!sameKind) {
			explanation = "Different data order: a " + left.sampler().kind() + " record and a " + right.sampler().kind()
					+ " record read their data through different samplers; the settings " + String.join(", ", settings)
					+ " differ.";
		}
		else if (!settings.isEmpty()) {
			explanation = "Different data order: the " + left.sampler().kind() + " settings "
					+ String.join(", ", settings) + " differ.";
		}
		else if (!seedMatters) {
			explanation = "Same data order: the accelerate loaders do not shuffle, so no seed is drawn.";
		}
		else if (!sameOrder) {
			explanation = "Different data order: the " + left.sampler().kind() + " samplers are seeded with " + leftSeed
					+ " and " + rightSeed + ".";
		}
		else {
			explanation = "Same data order: both " + left.sampler().kind() + " samplers have equal settings and the "
					+ "sampler seed " + leftSeed + ".";
		}
		List<String> warnings = new ArrayList<>();
		if (sameOrder && !left.globalSeed().equals(right.globalSeed())) {
			warnings.add("different global seeds, same data order: the sampler seed " + leftSeed
					+ " does not follow the global seed, so these runs differ in initialization and augmentation "
					+ "but not in the order of the data.");
		}
		return new SeedComparison(sameOrder, explanation, List.copyOf(settings), seeds.differingSeeds(),
				seeds.ranksWithDifferentProcessSeeds(), List.copyOf(warnings));
	}

	/** The kinds whose order comes from a torch generator's randperm. */
	private static boolean drawsFromTorch(SamplerSpec spec) {
		return spec instanceof RandomSpec || spec instanceof AccelerateSpec;
	}

	/** {@code kind} first, then every other field either side has with another value. */
	private static List<String> differingFields(JsonNode left, JsonNode right) {
		Set<String> names = new LinkedHashSet<>(left.propertyNames());
		names.addAll(right.propertyNames());
		List<String> differing = new ArrayList<>();
		for (String name : names) {
			if (!Objects.equals(left.get(name), right.get(name))) {
				differing.add(name);
			}
		}
		return differing;
	}

}
