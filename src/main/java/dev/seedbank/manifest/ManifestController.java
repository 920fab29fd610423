package dev.seedbank.manifest;

import java.util.UUID;

import dev.seedbank.seeds.EpochWorkerSeeds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed manifests and DataLoader worker seeds of recorded experiments: HTTP over the seeds
 * engine.
 */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "Seeds", description = "Seed manifests, DataLoader worker seeds and seed comparisons")
class ManifestController {

	private static final int MAX_RANKS_PER_PAGE = ManifestService.MAX_RANKS_PER_PAGE;

	private static final int MAX_WORKERS = LoaderWorkers.MAX_WORKERS;

	private static final int MAX_EPOCH = LoaderWorkers.MAX_EPOCH;

	private final ManifestService manifests;

	ManifestController(ManifestService manifests) {
		this.manifests = manifests;
	}

	@GetMapping(path = "/manifest", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every rank's seeds",
			description = "The seed manifest: for each rank the process seed, the sampler seed (seed + epoch each "
					+ "epoch), the DataLoader generator seed and the framework calls that apply them, with the data "
					+ "seed policy's explanation, framework notes and the source of the rule. At most "
					+ MAX_RANKS_PER_PAGE + " ranks per response: fromRank and toRank select a page, and "
					+ "nextFromRank names the next one (null on the last page).")
	ManifestResponse manifest(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "First rank of the page",
					example = "0") @RequestParam(defaultValue = "0") int fromRank,
			@Parameter(description = "One past the last rank of the page; default fromRank + " + MAX_RANKS_PER_PAGE
					+ ", at most worldSize", example = "64") @RequestParam(required = false) Integer toRank) {
		ManifestService.Page page = this.manifests.manifest(id, fromRank, toRank);
		return ManifestResponse.of(page.experiment(), page.manifest(), page.fromRank(), page.toRank());
	}

	@GetMapping(path = "/ranks/{rank}/manifest", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One rank's seeds",
			description = "The seeds and calls of one rank. With Accept: text/plain the same seeds come as KEY=VALUE "
					+ "lines (SEEDBANK_EXPERIMENT_ID, SEEDBANK_GLOBAL_SEED, SEEDBANK_PROCESS_SEED, SEEDBANK_DATA_SEED, "
					+ "SEEDBANK_LOADER_SEED, SEEDBANK_WORLD_SIZE, SEEDBANK_RANK, ...), unquoted integers and simple "
					+ "words, for `source` or `docker run --env-file`.",
			responses = @ApiResponse(responseCode = "200", description = "The rank's seeds",
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = RankManifestResponse.class)),
							@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
									schema = @Schema(type = "string",
											example = "SEEDBANK_EXPERIMENT_ID=3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b\n"
													+ "SEEDBANK_GLOBAL_SEED=17\nSEEDBANK_PROCESS_SEED=20\n")) }))
	RankManifestResponse rankManifest(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "Global rank, 0 .. worldSize-1", example = "3") @PathVariable int rank) {
		ManifestService.Rank seeds = this.manifests.rank(id, rank);
		return RankManifestResponse.of(seeds.experiment(), seeds.seeds());
	}

	@GetMapping(path = "/ranks/{rank}/manifest", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(hidden = true)
	String rankManifestEnv(@PathVariable UUID id, @PathVariable int rank) {
		return this.manifests.rank(id, rank).seeds().envLines();
	}

	@GetMapping(path = "/ranks/{rank}/epochs/{epoch}/workers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "DataLoader worker seeds of one rank and epoch",
			description = "The seeds torch gives each DataLoader worker of the rank's loader (generator seeded with "
					+ "the rank's loaderSeed, map-style dataset, DistributedSampler): base_seed is the loader "
					+ "generator's draw for that iter(loader), worker w seeds random and torch with base_seed + w "
					+ "and, from torch 1.9.0, NumPy with _generate_state(base_seed, w). numWorkers 0 is a 400: the "
					+ "main process loads and seeds nothing per worker, the rank's processSeed applies. epoch is "
					+ "capped at " + MAX_EPOCH + " because each epoch costs one more draw.")
	WorkerSeedsResponse workers(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "Global rank, 0 .. worldSize-1", example = "0") @PathVariable int rank,
			@Parameter(description = "Epoch, the epoch-th iter(loader) counting from 0; at most " + MAX_EPOCH,
					example = "0",
					schema = @Schema(types = "integer", minimum = "0",
							maximum = "" + MAX_EPOCH)) @PathVariable int epoch,
			@Parameter(description = "The loader's num_workers, 1 .. " + MAX_WORKERS, example = "4",
					schema = @Schema(types = "integer", minimum = "1",
							maximum = "" + MAX_WORKERS)) @RequestParam int numWorkers,
			@Parameter(
					description = "The loader's persistent_workers: the first epoch's base seed then serves "
							+ "every epoch",
					example = "false") @RequestParam(defaultValue = "false") boolean persistentWorkers) {
		LoaderWorkers loader = LoaderWorkers.ofRank(epoch, numWorkers, persistentWorkers);
		EpochWorkerSeeds workers = this.manifests.workers(id, rank, loader);
		return WorkerSeedsResponse.of(id.toString(), rank, workers);
	}

}
