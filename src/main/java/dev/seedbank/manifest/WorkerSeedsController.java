package dev.seedbank.manifest;

import java.math.BigInteger;

import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.sampling.TorchSeed;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.seeds.EpochWorkerSeeds;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.LightningWorkerSeeds;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DataLoader worker seeds without a record: the loader's seed and shape come as query
 * parameters. HTTP over {@link ManifestService}, which computes them with the seeds
 * engine's {@code WorkerSeeds} and {@link LightningWorkerSeeds}.
 */
@RestController
@Tag(name = "Seeds")
class WorkerSeedsController {

	private final ManifestService manifests;

	WorkerSeedsController(ManifestService manifests) {
		this.manifests = manifests;
	}

	@GetMapping(path = "/api/v1/seeds/workers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "DataLoader worker seeds for any loader",
			description = "Stateless: no record needed. The seeds each worker of DataLoader(dataset, "
					+ "num_workers=numWorkers, persistent_workers=persistentWorkers, shuffle=shuffle, "
					+ "generator=torch.Generator().manual_seed(loaderSeed)) holds before it fetches its first sample "
					+ "in the epoch-th iter(loader): torch's _worker_loop seeds random and torch with base_seed + "
					+ "worker_id and, from torch 1.9.0, NumPy with _generate_state(base_seed, worker_id). With "
					+ "shuffle=true the RandomSampler that shuffle=True builds draws from the same generator, so the "
					+ "base seed depends on datasetSize (torch 1.11.0 and later). With seedWorkers=true (Lightning's "
					+ "seed_everything(workers=True), framework lightning, 2.4.0 and later) the values are those "
					+ "pl_worker_init_function(worker_id, rank) then sets. Answered like the experiment's workers, "
					+ "with experimentId null.")
	WorkerSeedsResponse workers(
			@Parameter(description = "The loader generator's manual_seed, -2^63 .. 2^64-1", example = "42",
					schema = @Schema(types = "integer", minimum = "-9223372036854775808",
							maximum = "18446744073709551615")) @RequestParam BigInteger loaderSeed,
			@Parameter(description = "The epoch-th iter(loader), counting from 0; at most " + LoaderWorkers.MAX_EPOCH,
					example = "0",
					schema = @Schema(types = "integer", minimum = "0",
							maximum = "" + LoaderWorkers.MAX_EPOCH)) @RequestParam int epoch,
			@Parameter(description = "The loader's num_workers, 1 .. " + LoaderWorkers.MAX_WORKERS, example = "4",
					schema = @Schema(types = "integer", minimum = "1",
							maximum = "" + LoaderWorkers.MAX_WORKERS)) @RequestParam int numWorkers,
			@Parameter(
					description = "The loader's persistent_workers: the first iterator's base seed serves "
							+ "every epoch",
					example = "false") @RequestParam(defaultValue = "false") boolean persistentWorkers,
			@Parameter(description = "The global rank Lightning passes to pl_worker_init_function (only "
					+ "seedWorkers reads it)", example = "0") @RequestParam(defaultValue = "0") int rank,
			@Parameter(description = "torch, lightning, accelerate or composer; only lightning has seedWorkers",
					example = "lightning") @RequestParam(defaultValue = "torch") String framework,
			@Parameter(description = "The Lightning release for seedWorkers, 2.4.0 or later (default: 2.6.6)",
					example = "2.6.6") @RequestParam(required = false) String frameworkVersion,
			@Parameter(
					description = "Lightning's seed_everything(workers=True): every loader gets "
							+ "worker_init_fn=pl_worker_init_function",
					example = "false") @RequestParam(defaultValue = "false") boolean seedWorkers,
			@Parameter(
					description = "The loader's shuffle: its RandomSampler draws from the loader's generator " + "too",
					example = "false") @RequestParam(defaultValue = "false") boolean shuffle,
			@Parameter(description = "len(dataset), required with shuffle (it sets how much the sampler draws)",
					example = "1000") @RequestParam(required = false) Long datasetSize,
			@Parameter(description = "torch release, 1.5.0 .. 2.13.0 (default: the newest)",
					example = "2.13.0") @RequestParam(required = false) String torchVersion) {
		LoaderWorkers loader = LoaderWorkers.of(epoch, numWorkers, persistentWorkers);
		if (rank < 0) {
			throw ApiException.invalid("rank", "must not be negative");
		}
		Framework kind = framework(framework);
		TorchVersion torch = (torchVersion != null) ? TorchVersion.parse(torchVersion) : TorchVersion.newest();
		// torch.Generator().manual_seed(loaderSeed) runs before the loader exists.
		TorchSeed.requireInRange(loaderSeed, torch);
		if (shuffle && datasetSize == null) {
			throw ApiException.invalid("datasetSize",
					"is required with shuffle: the RandomSampler's draws before the base seed depend on it");
		}
		EpochWorkerSeeds seeds = this.manifests.workers(loaderSeed, loader, shuffle ? datasetSize : null, torch);
		if (seedWorkers) {
			if (kind != Framework.LIGHTNING) {
				throw ApiException.invalid("seedWorkers", "seedWorkers is Lightning's seed_everything(workers=True); "
						+ kind.wireName() + " has no such switch");
			}
			seeds = LightningWorkerSeeds.afterWorkerInit(seeds, rank, lightningVersion(frameworkVersion));
		}
		return WorkerSeedsResponse.of(null, rank, seeds);
	}

	private static Framework framework(String name) {
		try {
			return Framework.fromWireName(name);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("framework", "must be torch, lightning, accelerate or composer");
		}
	}

	private static ReleaseVersion lightningVersion(String text) {
		if (text == null) {
			return LightningWorkerSeeds.NEWEST_CHECKED;
		}
		try {
			return ReleaseVersion.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("frameworkVersion", "must be a Lightning release such as 2.6.6");
		}
	}

}
