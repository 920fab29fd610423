package dev.seedbank.manifest;

import java.util.List;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.seeds.ComparedExperiment;
import dev.seedbank.seeds.FrameworkRules;
import dev.seedbank.seeds.SeedComparison;
import dev.seedbank.seeds.SeedComparisons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compares the seeding of two recorded experiments. The literal path
 * {@code /experiments/compare} is more specific than {@code /experiments/{id}}, so Spring
 * MVC never routes it as an id.
 */
@RestController
@Tag(name = "Seeds")
class CompareController {

	/** Most per-rank process seed differences listed; the count covers them all. */
	static final int MAX_LISTED_DIFFERENCES = 1000;

	private final ExperimentService experiments;

	CompareController(ExperimentService experiments) {
		this.experiments = experiments;
	}

	@GetMapping(path = "/api/v1/experiments/compare", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Compare the seeding of two experiments",
			description = "Whether both runs see the same data order (for two distributed records: dataset size, "
					+ "world size, shuffle, drop_last, torch's randperm variant and the sampler seed modulo 2^32 decide "
					+ "it; for any other kind: the same kind, equal settings and the same sampler seed; two kinds never "
					+ "compare equal), which seeds and settings "
					+ "differ, and which ranks' process seeds differ (the first " + MAX_LISTED_DIFFERENCES
					+ " listed, all counted). Warns when different global seeds still give the same data order, as "
					+ "with two Composer runs on the default data seed 0.")
	ComparisonResponse compare(
			@Parameter(description = "One experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @RequestParam UUID left,
			@Parameter(description = "The other experiment's id",
					example = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") @RequestParam UUID right) {
		ExperimentSnapshot leftExperiment = this.experiments.get(left);
		ExperimentSnapshot rightExperiment = this.experiments.get(right);
		ComparedExperiment leftSeeds = ExperimentSeeds.compared(leftExperiment);
		ComparedExperiment rightSeeds = ExperimentSeeds.compared(rightExperiment);
		SeedComparison comparison = SeedComparisons.compare(leftSeeds, rightSeeds);
		if (SamplerComparison.applies(leftExperiment, rightExperiment)) {
			comparison = SamplerComparison.compare(leftExperiment, rightExperiment, comparison);
		}
		List<Integer> ranks = comparison.ranksWithDifferentProcessSeeds();
		List<ComparisonResponse.ProcessSeedDifference> listed = ranks.stream()
			.limit(MAX_LISTED_DIFFERENCES)
			.map((rank) -> new ComparisonResponse.ProcessSeedDifference(rank,
					FrameworkRules.processSeed(leftSeeds.seeds(), rank),
					FrameworkRules.processSeed(rightSeeds.seeds(), rank)))
			.toList();
		return new ComparisonResponse(ComparisonResponse.Side.of(leftExperiment),
				ComparisonResponse.Side.of(rightExperiment), comparison.sameDataOrder(), comparison.explanation(),
				comparison.differingSettings(), comparison.differingSeeds(), ranks.size(), listed,
				comparison.warnings());
	}

}
