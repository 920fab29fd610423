package dev.seedbank.order;

import java.io.IOException;
import java.math.BigInteger;

import dev.seedbank.sampling.AccelerateVersion;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.hf.DatasetsVersion;
import dev.seedbank.sampling.hf.HfDatasetsShuffle;
import dev.seedbank.web.IndexResponder;
import dev.seedbank.web.ApiException;
import dev.seedbank.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stateless orders of the samplers besides DistributedSampler: each request's query
 * becomes a {@link SamplerSpec} with its seed, epoch and rank, the order comes from
 * {@link IndexOrderService#slice(SamplerSpec, BigInteger, long, int, TorchVersion)}, and
 * {@link IndexResponder} pages and writes it as for {@code distributed}.
 */
@RestController
@RequestMapping("/api/v1/samplers")
@Tag(name = "Index orders")
class SamplerIndexController {

	private static final String FORMATS = " Accept: application/json (default, at most 1,000,000 indices a page), "
			+ "application/octet-stream (little-endian int64) or application/x-npy; offset and limit page the list.";

	private final IndexOrderService orders;

	private final IndexResponder responder;

	private final OrderSettings settings;

	SamplerIndexController(IndexOrderService orders, IndexResponder responder, OrderSettings settings) {
		this.orders = orders;
		this.responder = responder;
		this.settings = settings;
	}

	@GetMapping("/random/indices")
	@Operation(summary = "torch RandomSampler's order, alone or as a shuffling DataLoader iterates it",
			description = "Stateless. The epoch-th (0-based) iter() of RandomSampler(range(datasetSize), "
					+ "replacement=replacement, num_samples=numSamples, generator=torch.Generator().manual_seed(seed)); "
					+ "with dataLoader=true, what DataLoader(range(datasetSize), batch_size=None, shuffle=True, "
					+ "generator=torch.Generator().manual_seed(seed)) yields in its epoch-th iteration (the loader "
					+ "draws its base seed from the same generator before the sampler draws). torch 1.11.0 and "
					+ "later." + FORMATS)
	@IndexPageResponse
	void random(@Parameter(description = "len(data_source)", example = "10") @RequestParam long datasetSize,
			@Parameter(description = "The generator's manual_seed, -2^63 .. 2^64-1 (torch raises outside)",
					schema = @Schema(type = "integer", example = "42")) @RequestParam BigInteger seed,
			@Parameter(description = "Which iter() of the same sampler (or loader), counting from 0",
					example = "0") @RequestParam(defaultValue = "0") long epoch,
			@Parameter(description = "num_samples (default: datasetSize)",
					example = "10") @RequestParam(required = false) Long numSamples,
			@Parameter(description = "replacement") @RequestParam(defaultValue = "false") boolean replacement,
			@Parameter(description = "Iterated by a DataLoader sharing the generator") @RequestParam(
					defaultValue = "false") boolean dataLoader,
			@Parameter(description = "torch release, 1.11.0 .. 2.13.0 (default: the newest)",
					example = "2.13.0") @RequestParam(required = false) String torchVersion,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		TorchVersion torch = torch(torchVersion);
		SamplerSpec spec = new RandomSpec(datasetSize, numSamples, replacement, dataLoader);
		// The engine holds a randperm of datasetSize and the list of numSamples as int[].
		requireFits(Integer.BYTES * (datasetSize + ((numSamples != null) ? numSamples : datasetSize)));
		this.responder.write(this.orders.slice(spec, seed, epoch, 0, torch), offset, limit, accept, ifNoneMatch,
				response);
	}

	@GetMapping("/accelerate/indices")
	@Operation(summary = "What one process of accelerate's prepared DataLoader reads",
			description = "Stateless. The indices process processIndex receives, batches concatenated, from "
					+ "accelerate.data_loader.prepare_data_loader(DataLoader(range(datasetSize), batch_size=batchSize, "
					+ "shuffle=shuffle, drop_last=dropLast), num_processes=numProcesses, process_index=processIndex, "
					+ "split_batches=splitBatches, even_batches=evenBatches, use_seedable_sampler=True, "
					+ "data_seed=seed) after set_epoch(epoch). accelerate 1.1.0 .. 1.15.0 (newer follows 1.15.0). "
					+ "skip_first_batches(loader, k) resumes at offset k * the process's batch size." + FORMATS)
	@IndexPageResponse
	void accelerate(@Parameter(description = "len(dataset)", example = "10") @RequestParam long datasetSize,
			@Parameter(description = "num_processes", example = "2") @RequestParam int numProcesses,
			@Parameter(description = "process_index, in [0, numProcesses)",
					example = "0") @RequestParam int processIndex,
			@Parameter(description = "The DataLoader's batch_size", example = "4") @RequestParam int batchSize,
			@Parameter(description = "set_epoch(epoch)", example = "0") @RequestParam(defaultValue = "0") long epoch,
			@Parameter(description = "data_seed, required with shuffle; seed + epoch must stay in -2^63 .. 2^64-1",
					schema = @Schema(type = "integer", example = "42")) @RequestParam(required = false) BigInteger seed,
			@Parameter(description = "The DataLoader's shuffle") @RequestParam(defaultValue = "true") boolean shuffle,
			@Parameter(description = "The DataLoader's drop_last") @RequestParam(
					defaultValue = "false") boolean dropLast,
			@Parameter(description = "even_batches") @RequestParam(defaultValue = "true") boolean evenBatches,
			@Parameter(description = "split_batches") @RequestParam(defaultValue = "false") boolean splitBatches,
			@Parameter(description = "accelerate release, 1.1.0 .. 1.15.0 (default: the newest)",
					example = "1.15.0") @RequestParam(required = false) String accelerateVersion,
			@Parameter(description = "torch release (default: the newest)",
					example = "2.13.0") @RequestParam(required = false) String torchVersion,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		AccelerateVersion accelerate = AccelerateVersion.parse(accelerateVersion);
		TorchVersion torch = torch(torchVersion);
		SamplerSpec spec = new AccelerateSpec(datasetSize, numProcesses, batchSize, shuffle, dropLast, evenBatches,
				splitBatches, accelerate);
		requireRank(processIndex, spec, "processIndex");
		this.responder.write(this.orders.slice(spec, seed, epoch, processIndex, torch), offset, limit, accept,
				ifNoneMatch, response);
	}

	@GetMapping("/hf-datasets/indices")
	@Operation(summary = "The rows of one shard of a shuffled Hugging Face dataset",
			description = "Stateless. The original row numbers, in order, of Dataset.from_dict({\"i\": "
					+ "list(range(datasetSize))}).shuffle(seed=seed).shard(num_shards=numShards, index=shardIndex, "
					+ "contiguous=contiguous) (what datasets.distributed.split_dataset_by_node does for a map-style "
					+ "dataset); NumPy's PCG64 permutation, bit for bit. datasets 5.0.1." + FORMATS)
	@IndexPageResponse
	void hfDatasets(@Parameter(description = "len(dataset)", example = "10") @RequestParam long datasetSize,
			@Parameter(
					description = "shuffle(seed=seed), a non-negative integer (NumPy's SeedSequence refuses a "
							+ "negative one)",
					schema = @Schema(type = "integer", example = "42")) @RequestParam(required = false) BigInteger seed,
			@Parameter(description = "num_shards", example = "1") @RequestParam(defaultValue = "1") int numShards,
			@Parameter(description = "shard(index=shardIndex), in [0, numShards)",
					example = "0") @RequestParam(defaultValue = "0") int shardIndex,
			@Parameter(description = "contiguous") @RequestParam(defaultValue = "true") boolean contiguous,
			@Parameter(description = "datasets release (default and only: 5.0.1)",
					example = "5.0.1") @RequestParam(required = false) String datasetsVersion,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		DatasetsVersion datasets = DatasetsVersion.parse(datasetsVersion);
		if (shardIndex < 0 || shardIndex >= numShards) {
			// datasets shuffles first (a missing or negative seed fails there), then
			// shard()
			// raises ValueError for the index: the engine answers both, on one row at
			// most.
			long rows = (datasetSize > 0 && datasetSize <= HfDatasetsShuffle.MAX_DATASET_SIZE) ? 1 : datasetSize;
			HfDatasetsShuffle.order(rows, seed, numShards, shardIndex, contiguous, datasets);
		}
		SamplerSpec spec = new HfDatasetsSpec(datasetSize, numShards, contiguous, datasets);
		// NumPy's permutation is drawn over the whole dataset, whatever the shard.
		requireFits(Long.BYTES * datasetSize);
		this.responder.write(this.orders.slice(spec, seed, 0, shardIndex, TorchVersion.newest()), offset, limit, accept,
				ifNoneMatch, response);
	}

	/**
	 * These orders are built outside the permutation cache, so its budget is checked
	 * here: a list that cannot fit is a 413 before anything is allocated, as for
	 * {@code distributed}.
	 */
	private void requireFits(long bytes) {
		long budget = this.settings.effectiveCacheMaxBytes();
		if (bytes > budget) {
			throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
					"This order needs about " + (bytes >> 20) + " MiB of memory, but the permutation budget is "
							+ (budget >> 20) + " MiB; raise it with seedbank.order.cache-max-bytes "
							+ "(SEEDBANK_ORDER_CACHEMAXBYTES) and the heap");
		}
	}

	private static TorchVersion torch(String torchVersion) {
		return (torchVersion != null) ? TorchVersion.parse(torchVersion) : TorchVersion.newest();
	}

	/** The service names the rank {@code rank}; each sampler's own name is clearer. */
	private static void requireRank(int rank, SamplerSpec spec, String name) {
		if (rank < 0 || rank >= spec.ranks()) {
			throw new InvalidSamplerArgumentException(name, "must be in [0, " + spec.ranks() + ")");
		}
	}

}
