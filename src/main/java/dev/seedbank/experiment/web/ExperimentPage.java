package dev.seedbank.experiment.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of search results, newest first.
 *
 * @param items the records, each rendered once per version
 * @param page zero-based page number
 * @param size page size asked for
 * @param totalElements matches in all
 * @param totalPages pages in all
 */
@Schema(description = "One page of experiments, newest first")
record ExperimentPage(@Schema(description = "The records of this page") List<RecordJson> items,
		@Schema(description = "Zero-based page number", example = "0") int page,
		@Schema(description = "Page size asked for", example = "20") int size,
		@Schema(description = "Matches in all", example = "1") long totalElements,
		@Schema(description = "Pages in all", example = "1") int totalPages) {
}
