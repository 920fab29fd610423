package dev.seedbank.order;

import java.io.IOException;

import dev.seedbank.web.IndexResponder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One global rank's epoch of a MosaicML Streaming {@code StreamingDataset}, stateless. A
 * POST only because tens of thousands of shard sizes do not fit a query string: it reads,
 * stores nothing, and readers may call it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Index orders")
class StreamingIndexController {

	private final IndexOrderService orders;

	private final IndexResponder responder;

	StreamingIndexController(IndexOrderService orders, IndexResponder responder) {
		this.orders = orders;
		this.responder = responder;
	}

	@PostMapping(path = "/samplers/streaming/indices", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A rank's MosaicML Streaming order",
			description = "Stateless: the sample ids global rank `rank`'s DataLoader yields in that epoch of a "
					+ "StreamingDataset with one local stream (random batching), as mosaicml-streaming 0.14.0.dev0 "
					+ "computes them: get_partitions, get_shuffle, each worker's slice without -1 padding, the "
					+ "workers' batches round-robin. Resumes from sampleInEpoch. Accept: application/json (default), "
					+ "application/octet-stream (little-endian int64) or application/x-npy. 422 where Streaming or "
					+ "NumPy would raise.")
	@IndexPageResponse
	void streamingIndices(@RequestBody StreamingIndicesRequest request,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		StreamingIndicesRequest.Parsed parsed = request.parse();
		RankSlice slice = this.orders.slice(parsed.spec(), parsed.seed(), parsed.epoch(), parsed.rank(),
				parsed.sampleInEpoch());
		this.responder.write(slice, offset, limit, accept, ifNoneMatch, response);
	}

}
