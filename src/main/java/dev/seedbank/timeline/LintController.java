package dev.seedbank.timeline;

import java.math.BigInteger;
import java.util.List;

import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.timeline.DisjointnessLint;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks that differently seeded ranks still read disjoint shares. */
@RestController
@RequestMapping(path = "/api/v1/lint", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Run timeline")
class LintController {

	/** torch's seed range: -2^63 .. 2^64-1 (API.md, "Experiments"). */
	private static final BigInteger MIN_SEED = BigInteger.ONE.shiftLeft(63).negate();

	private static final BigInteger MAX_SEED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	/**
	 * Each rank's permutation is computed; more ranks than this is not a lint any more.
	 */
	private static final int MAX_WORLD_SIZE = 4096;

	private final TimelineService timeline;

	LintController(TimelineService timeline) {
		this.timeline = timeline;
	}

	@PostMapping(path = "/distributed", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Lint differently seeded DistributedSamplers",
			description = "When each rank seeded its sampler itself, their strided shares of different permutations "
					+ "overlap: the samples more than one rank reads and those no rank reads that epoch. Even equal "
					+ "seeds overlap by torch's padding. Stores nothing.")
	LintResponse lint(@Valid @RequestBody LintRequest request) {
		if (request.worldSize() > MAX_WORLD_SIZE) {
			throw ApiException.invalid("worldSize", "must be at most " + MAX_WORLD_SIZE);
		}
		List<BigInteger> seeds = request.seeds();
		for (int i = 0; i < seeds.size(); i++) {
			BigInteger seed = seeds.get(i);
			if (seed == null || seed.compareTo(MIN_SEED) < 0 || seed.compareTo(MAX_SEED) > 0) {
				throw ApiException.invalid("seeds[" + i + "]", "must be an integer in -2^63 .. 2^64-1");
			}
		}
		TorchVersion version = (request.torchVersion() != null) ? TorchVersion.parse(request.torchVersion())
				: TorchVersion.newest();
		DisjointnessLint.Report report = this.timeline.lint(request.datasetSize(), request.worldSize(),
				(request.epoch() != null) ? request.epoch() : 0, !Boolean.FALSE.equals(request.shuffle()),
				Boolean.TRUE.equals(request.dropLast()), seeds, version);
		return new LintResponse(report.overlapping(), report.neverSeen(), report.disjoint());
	}

}
