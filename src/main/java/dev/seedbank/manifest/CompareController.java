package dev.seedbank.manifest;

import java.util.List;
import java.util.UUID;

import dev.seedbank.seeds.SeedComparison;
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

	private static final int MAX_LISTED_DIFFERENCES = ManifestService.MAX_LISTED_DIFFERENCES;

	private final ManifestService manifests;

	CompareController(ManifestService manifests) {
		this.manifests = manifests;
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
		ManifestService.Comparison compared = this.manifests.compare(left, right);
		SeedComparison comparison = compared.seeds();
		List<ComparisonResponse.ProcessSeedDifference> listed = compared.listed()
			.stream()
			.map((seeds) -> new ComparisonResponse.ProcessSeedDifference(seeds.rank(), seeds.left(), seeds.right()))
			.toList();
		return new ComparisonResponse(ComparisonResponse.Side.of(compared.left()),
				ComparisonResponse.Side.of(compared.right()), comparison.sameDataOrder(), comparison.explanation(),
				comparison.differingSettings(), comparison.differingSeeds(),
				comparison.ranksWithDifferentProcessSeeds().size(), listed, comparison.warnings());
	}

}
