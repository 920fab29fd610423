package dev.seedbank.timeline;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.web.IndexResponder;
import dev.seedbank.order.IndexPageResponse;
import dev.seedbank.order.OrderSettings;
import dev.seedbank.order.RankSlice;
import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the run read, epoch by epoch: each segment's per-rank order, the coverage over all
 * segments, and the indices of one optimizer step.
 */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "Run timeline")
class EpochController {

	private static final String FORMATS = "Accept: application/json (default, at most 1,000,000 indices a page), "
			+ "application/octet-stream (little-endian int64) or application/x-npy.";

	private final TimelineService timeline;

	private final OrderSettings settings;

	private final JsonMapper json;

	private final IndexResponder responder;

	EpochController(TimelineService timeline, OrderSettings settings, JsonMapper json, IndexResponder responder) {
		this.timeline = timeline;
		this.responder = responder;
		this.settings = settings;
		this.json = json;
	}

	@GetMapping("/segments/{segment}/epochs/{epoch}/ranks/{rank}/indices")
	@Operation(summary = "What a rank of a segment reads in an epoch",
			description = "In the epoch the segment started in, by its resume rule: torch, the rank's own list at the "
					+ "new world size from floor(startSample / worldSize); exact, stream positions startSample + rank "
					+ "+ i*worldSize, the last round wrapping to the stream's start. Later epochs: the plain lists at "
					+ "the segment's world size. The order never changes when later segments are recorded; the header "
					+ "Seedbank-Read-Before-Next-Segment says how much of it the rank read before the next restart. "
					+ FORMATS)
	@IndexPageResponse(description = "The page; headers carry the whole order's digest and length")
	@ApiResponse(responseCode = "404", description = "No such experiment or segment")
	void indices(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Segment number, 0 for the record", example = "1") @PathVariable int segment,
			@Parameter(description = "Epoch, at or after the segment's start", example = "0") @PathVariable long epoch,
			@Parameter(description = "Rank, in [0, the segment's worldSize)", example = "0") @PathVariable int rank,
			@Parameter(description = "First position to return") @RequestParam(defaultValue = "0") long offset,
			@Parameter(description = "Most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		TimelineService.ServedOrder served = this.timeline.order(id, segment, epoch, rank);
		response.setHeader("Seedbank-Read-Before-Next-Segment", Long.toString(served.readBeforeNextSegment()));
		serve(served.order(), served.sha256(), served.torchVersion(), offset, limit, accept, ifNoneMatch, response);
	}

	@GetMapping("/epochs/{epoch}/coverage")
	@Operation(summary = "How often each sample of an epoch was read",
			description = "Over every segment that reads the epoch, each running until the next segment starts: "
					+ "samples never seen, seen once, seen more than once, the most reads of one sample and the reads "
					+ "of padding. With list=never or list=repeated, those samples' indices, ascending, streamed in "
					+ "any format (" + FORMATS + ")")
	@ApiResponse(responseCode = "200", description = "The totals, or with list the indices",
			content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = CoverageResponse.class)),
					@Content(mediaType = "application/octet-stream",
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/x-npy", schema = @Schema(type = "string", format = "binary")) })
	void coverage(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Epoch", example = "0") @PathVariable long epoch,
			@Parameter(description = "never or repeated: the indices instead of the totals",
					schema = @Schema(allowableValues = { "never", "repeated" })) @RequestParam(
							required = false) String list,
			@Parameter(description = "With list: first position to return") @RequestParam(
					defaultValue = "0") long offset,
			@Parameter(description = "With list: most indices to return (default: the rest)") @RequestParam(
					required = false) Long limit,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		CoverageList.Kind kind = (list != null) ? kind(list) : null;
		this.timeline.coverage(id, epoch, (coverage) -> {
			if (kind == null) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				this.json.writeValue(response.getOutputStream(), CoverageResponse.of(epoch, coverage));
				return;
			}
			CoverageList indices = new CoverageList(coverage, kind);
			serve(indices, indices.sha256(), null, offset, limit, accept, ifNoneMatch, response);
		});
	}

	@GetMapping(path = "/epochs/{epoch}/steps/{step}/samples", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The indices each rank used in one optimizer step",
			description = "Steps are counted from the epoch's start over the segments that read it; in its t-th step "
					+ "a segment's rank r uses positions [t*b*a, (t+1)*b*a) of its order, b the per-rank batch size "
					+ "and a the gradient accumulation (default: each segment's recorded values).")
	@ApiResponse(responseCode = "400", description = "A step past the epoch, or no batch size recorded or given")
	StepResponse step(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Epoch", example = "0") @PathVariable long epoch,
			@Parameter(description = "Optimizer step, 0-based from the epoch's start",
					example = "3") @PathVariable long step,
			@Parameter(description = "Per-rank batch size (default: each segment's recorded one)") @RequestParam(
					required = false) Integer batchSize,
			@Parameter(description = "Batches per step (default: each segment's recorded one)") @RequestParam(
					required = false) Integer gradientAccumulation) {
		return StepResponse
			.of(this.timeline.step(id, epoch, step, batchSize, gradientAccumulation, this.settings.maxJsonIndices()));
	}

	private static CoverageList.Kind kind(String list) {
		return switch (list.toLowerCase(Locale.ROOT)) {
			case "never" -> CoverageList.Kind.NEVER;
			case "repeated" -> CoverageList.Kind.REPEATED;
			default -> throw ApiException.invalid("list", "must be never or repeated, not '" + list + "'");
		};
	}

	private void serve(IndexOrder order, String sha256, TorchVersion version, long offset, Long limit, String accept,
			String ifNoneMatch, HttpServletResponse response) throws IOException {
		RankSlice slice = (version != null) ? RankSlice.torch(order, sha256, version)
				: new RankSlice(order, sha256, Map.of());
		this.responder.write(slice, offset, limit, accept, ifNoneMatch, response);
	}

}
