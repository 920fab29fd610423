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
		@Schema(description = "Ranks it ran on", example = "3") int worldSize,
		@Schema(description = "Epoch it started in", example = "0") long startEpoch,
		@Schema(description = "Stream position of that epoch it started at", example = "48") long startSample,
		@Schema(description = "How it picked the epoch up (segment 0: exact, an uninterrupted run)", allowableValues = {
				"torch", "exact" }, example = "exact") String resume,
		@Schema(description = "Per-rank batch size, null when not recorded", example = "8") Integer batchSize,
		@Schema(description = "Batches per optimizer step", example = "1") int gradientAccumulation,
		@Schema(description = "When it was recorded (segment 0: when the experiment was)") Instant createdAt,
		@Schema(description = "Who recorded it") String createdBy){

	static SegmentResponse of(TimelineService.SegmentEntry entry) {
		Segment s = entry.segment();
		return new SegmentResponse(s.index(), s.worldSize(), s.startEpoch(), s.startSample(),
				s.resume().name().toLowerCase(Locale.ROOT), s.batchSize(), s.gradientAccumulation(), entry.createdAt(),
				entry.createdBy());
	}

}
