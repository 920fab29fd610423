package dev.seedbank.experiment.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of search results, newest first.
 *
 * @param items the records
 * @param page zero-based page number
 * @param size page size asked for
 * @param totalElements matches in all
 * @param totalPages pages in all
 */
@Schema(description = "One page of experiments, newest first")
public record ExperimentPage(List<ExperimentResponse> items, int page, int size, long totalElements, int totalPages) {
}
