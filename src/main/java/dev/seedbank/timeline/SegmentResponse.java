package dev.seedbank.timeline;

import java.time.Instant;
import java.util.Locale;

import dev.seedbank.sampling.timeline.Segment;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One segment of a run's history.
 *
 * @param segment its number, 0 for the record
 * @param worldSize ranks
 * @param startEpoch the epoch it started in
 * @param startSample the stream position of that epoch it started at
 * @param resume {@code torch} or {@code exact}
 * @param batchSize per-rank batch size, or {@code null}
 * @param gradientAccumulation batches per optimizer step
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
@Schema(description = "One segment of a run's history; segment 0 is the record itself")
record SegmentResponse(@Schema(description = "Segment number, 0 for the record", example = "1") int segment,
		@Schema(example = "3") int worldSize, @Schema(example = "0") long startEpoch,
		@Schema(example = "48") long startSample, @Schema(allowableValues = {
				"torch", "exact" }, example = "exact") String resume,
		@Schema(description = "Per-rank batch size, null when not recorded", example = "8") Integer batchSize,
		@Schema(example = "1") int gradientAccumulation, Instant createdAt, String createdBy){

	static SegmentResponse of(TimelineService.SegmentEntry entry) {
		Segment s = entry.segment();
		return new SegmentResponse(s.index(), s.worldSize(), s.startEpoch(), s.startSample(),
				s.resume().name().toLowerCase(Locale.ROOT), s.batchSize(), s.gradientAccumulation(), entry.createdAt(),
				entry.createdBy());
	}

}
