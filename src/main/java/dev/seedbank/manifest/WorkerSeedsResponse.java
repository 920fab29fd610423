package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;

import dev.seedbank.seeds.EpochWorkerSeeds;
import dev.seedbank.seeds.WorkerSeed;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The DataLoader worker seeds of one rank for one epoch.
 *
 * @param experimentId the experiment, {@code null} for seeds asked without a record
 * @param rank the global rank
 * @param epoch the epoch
 * @param loaderSeed the loader generator's seed
 * @param persistentWorkers the loader's persistent_workers
 * @param numpySeeded whether the workers seed NumPy
 * @param baseSeed the loader iterator's base seed
 * @param note how the base seed was drawn
 * @param workers one entry per worker
 */
@Schema(description = "DataLoader worker seeds of one rank for one epoch")
record WorkerSeedsResponse(
		@Schema(description = "The experiment's id; null from /seeds/workers, which needs no record",
				nullable = true) String experimentId,
		@Schema(description = "Global rank", example = "0", requiredMode = REQUIRED) int rank,
		@Schema(description = "Epoch: the epoch-th iter(loader), 0-based", example = "0",
				requiredMode = REQUIRED) int epoch,
		@Schema(description = "Seed of the loader's generator, the rank's loaderSeed", types = "integer",
				format = "int64-or-uint64", example = "42", requiredMode = REQUIRED) BigInteger loaderSeed,
		@Schema(description = "The loader's persistent_workers", requiredMode = REQUIRED) boolean persistentWorkers,
		@Schema(description = "Whether workers seed NumPy (torch 1.9.0 and later)",
				requiredMode = REQUIRED) boolean numpySeeded,
		@Schema(description = "The loader iterator's _base_seed, in [0, 2^63)", example = "6909045637428952499",
				requiredMode = REQUIRED) long baseSeed,
		@Schema(description = "How the base seed was drawn and what the workers seed, in words",
				requiredMode = REQUIRED) String note,
		@Schema(description = "One entry per worker, by worker id", requiredMode = REQUIRED) List<Worker> workers) {

	static WorkerSeedsResponse of(String experimentId, int rank, EpochWorkerSeeds seeds) {
		return new WorkerSeedsResponse(experimentId, rank, seeds.epoch(), seeds.loaderSeed(), seeds.persistentWorkers(),
				seeds.numpySeeded(), seeds.baseSeed(), seeds.note(), seeds.workers().stream().map(Worker::of).toList());
	}

	/**
	 * One worker's seeds.
	 *
	 * @param workerId the worker id
	 * @param seed what torch.manual_seed last got
	 * @param numpySeed the four words for np.random.seed, or {@code null}
	 * @param randomSeed what random.seed last got
	 */
	@Schema(name = "WorkerSeed", description = "One DataLoader worker's seeds")
	record Worker(
			@Schema(description = "Worker id, 0 .. numWorkers-1", example = "0", requiredMode = REQUIRED) int workerId,
			@Schema(description = "The seed torch was last seeded with before the first sample is fetched: base_seed + "
					+ "worker_id for plain torch workers; with Lightning's seedWorkers, what pl_worker_init_function "
					+ "gives torch.manual_seed", types = "integer", format = "int64-or-uint64",
					example = "6909045637428952499", requiredMode = REQUIRED) BigInteger seed,
			@ArraySchema(arraySchema = @Schema(description = "The four 32-bit words the worker gives np.random.seed "
					+ "(_generate_state(base_seed, worker_id)); null before torch 1.9.0, whose workers do not seed NumPy",
					nullable = true),
					schema = @Schema(type = "integer", format = "int64", minimum = "0",
							maximum = "4294967295")) List<Long> numpySeed,
			@Schema(description = "What the worker last gave random.seed: the same as seed for plain torch workers; "
					+ "after Lightning's pl_worker_init_function (seedWorkers) its (s1 << 32) | s2, which may "
					+ "exceed 2^64", types = "integer", example = "6909045637428952499",
					requiredMode = REQUIRED) BigInteger randomSeed) {

		static Worker of(WorkerSeed seed) {
			return new Worker(seed.workerId(), seed.seed(), seed.numpySeed(), seed.randomSeed());
		}

	}

}
