package dev.seedbank.order;

import java.io.IOException;
import java.math.BigInteger;
import java.util.UUID;

import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.web.IndexResponder;
import dev.seedbank.web.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a rank's exact data order as JSON, raw little-endian int64 or NumPy
 * {@code .npy}, chosen by {@code Accept}, paged by {@code offset} and {@code limit}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Index orders", description = "Each rank's exact data order, bit-identical to torch's DistributedSampler")
class IndexController {

	private final IndexOrderService orders;

	private final IndexResponder responder;

	IndexController(IndexOrderService orders, IndexResponder responder) {
		this.orders = orders;
		this.responder = responder;
	}

	@GetMapping("/samplers/distributed/indices")
	@Operation(summary = "A rank's order for any sampler arguments",
			description = "Stateless: no record needed. The indices torch.utils.data.DistributedSampler(dataset, "
					+ "num_replicas=worldSize, rank=rank, shuffle=shuffle, seed=seed, drop_last=dropLast) yields after "
					+ "set_epoch(epoch), for the given torch release. Accept: application/json (default, at most "
					+ "1,000,000 indices a page), application/octet-stream (little-endian int64) or application/x-npy.")
	@IndexPageResponse
	void statelessIndices(@Parameter(description = "len(dataset)", example = "10") @RequestParam long datasetSize,
			@Parameter(description = "num_replicas", example = "2") @RequestParam int worldSize,
			@Parameter(description = "rank, in [0, worldSize)", example = "0") @RequestParam int rank,
			@Parameter(description = "set_epoch(epoch)", example = "0") @RequestParam(defaultValue = "0") long epoch,
			@Parameter(description = "seed, -2^63 .. 2^64-1",
					schema = @Schema(type = "integer", minimum = "-9223372036854775808",
							maximum = "18446744073709551615", defaultValue = "0")) @RequestParam(
									defaultValue = "0") BigInteger seed,
			@Parameter(description = "shuffle") @RequestParam(defaultValue = "true") boolean shuffle,
			@Parameter(description = "drop_last") @RequestParam(defaultValue = "false") boolean dropLast,
			@Parameter(description = "torch release, 1.5.0 .. 2.11.0 (default: the newest)",
					example = "2.5.1") @RequestParam(required = false) String torchVersion,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		Text.requireIdentifier("torchVersion", torchVersion);
		TorchVersion version = (torchVersion != null) ? TorchVersion.parse(torchVersion) : TorchVersion.newest();
		SamplerParameters parameters = new SamplerParameters(datasetSize, worldSize, epoch, seed, shuffle, dropLast,
				version);
		this.responder.write(this.orders.slice(parameters, rank), offset, limit, accept, ifNoneMatch, response);
	}

	@GetMapping("/experiments/{id}/epochs/{epoch}/ranks/{rank}/indices")
	@Operation(summary = "A rank's order for a recorded experiment",
			description = "The sampler settings, torch version and effective data seed come from the record. "
					+ "Formats and headers as for the stateless endpoint; use offset to resume mid-epoch.")
	@IndexPageResponse
	void experimentIndices(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Epoch, as given to set_epoch", example = "0") @PathVariable long epoch,
			@Parameter(description = "Rank, in [0, worldSize)", example = "0") @PathVariable int rank,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		this.responder.write(this.orders.slice(id, epoch, rank), offset, limit, accept, ifNoneMatch, response);
	}

}
