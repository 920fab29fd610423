package dev.seedbank.timeline;

import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import dev.seedbank.sampling.timeline.Resume;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A run's history of restarts: record one, read them. */
@RestController
@RequestMapping(path = "/api/v1/experiments/{id}/segments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Run timeline",
		description = "Resumes and resizes replayed exactly, what each sample saw counted, each rank's proof kept")
class TimelineController {

	private final TimelineService timeline;

	TimelineController(TimelineService timeline) {
		this.timeline = timeline;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a restart",
			description = "The run restarted at stream position startSample of startEpoch on worldSize ranks, picking "
					+ "the epoch up by the torch or the exact rule. Segments are append-only; one that does not start "
					+ "at or after the previous one is a 409.")
	@ApiResponse(responseCode = "201", description = "Recorded; Location names it",
			headers = @Header(name = HttpHeaders.LOCATION, description = "The new segment's path"))
	@ApiResponse(responseCode = "400", description = "A bad field, named; nothing stored")
	@ApiResponse(responseCode = "404", description = "No such experiment")
	@ApiResponse(responseCode = "409", description = "It starts before the previous segment; nothing stored")
	ResponseEntity<SegmentResponse> append(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Valid @RequestBody SegmentRequest request, Principal principal) {
		TimelineService.SegmentEntry entry = this.timeline.append(id, request.worldSize(), request.startEpoch(),
				request.startSample(), resume(request.resume()), request.batchSize(), request.gradientAccumulation(),
				callerName(principal));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/experiments/" + id + "/segments/" + entry.segment().index()))
			.body(SegmentResponse.of(entry));
	}

	@GetMapping
	@Operation(summary = "Read the history", description = "Segment 0 (the record), then every restart in order.")
	SegmentsResponse segments(@Parameter(description = "Experiment id") @PathVariable UUID id) {
		return new SegmentsResponse(id, this.timeline.segments(id).stream().map(SegmentResponse::of).toList());
	}

	@GetMapping("/{segment}")
	@Operation(summary = "Read one segment", description = "Segment 0 is the record itself; 404 past the last.")
	@ApiResponse(responseCode = "404", description = "No such experiment or segment")
	SegmentResponse segment(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Segment number, 0 for the record") @PathVariable int segment) {
		return SegmentResponse.of(this.timeline.segment(id, segment));
	}

	private static Resume resume(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "torch" -> Resume.TORCH;
			case "exact" -> Resume.EXACT;
			default -> throw ApiException.invalid("resume", "must be torch or exact, not '" + value + "'");
		};
	}

	static String callerName(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

}
