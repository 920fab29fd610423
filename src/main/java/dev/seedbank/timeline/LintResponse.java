package dev.seedbank.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param overlapping samples more than one rank reads
 * @param neverSeen samples no rank reads
 * @param disjoint whether no sample is read by two ranks
 */
@Schema(description = "How the ranks' lists overlap in that epoch")
record LintResponse(@Schema(description = "Samples more than one rank reads") long overlapping,
		@Schema(description = "Samples no rank reads") long neverSeen,
		@Schema(description = "Whether no sample is read by two ranks") boolean disjoint) {
}
