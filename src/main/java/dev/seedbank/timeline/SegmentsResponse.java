package dev.seedbank.timeline;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param experimentId the record
 * @param segments segment 0 first
 */
@Schema(description = "A run's history: segment 0 (the record), then every restart in order")
record SegmentsResponse(@Schema(description = "The experiment") UUID experimentId,
		@Schema(description = "Segment 0 first") List<SegmentResponse> segments) {
}
