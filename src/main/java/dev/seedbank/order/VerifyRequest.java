package dev.seedbank.order;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * What a run saw: either the digest and length of the whole list, or a page of indices at
 * an offset.
 *
 * @param sha256 digest of the whole list the run saw
 * @param count length of that list
 * @param offset position of the first given index
 * @param indices the indices the run saw from {@code offset}
 */
@Schema(description = "Either {sha256, count} or {offset, indices}")
record VerifyRequest(
		@Schema(description = "SHA-256 over the whole list as little-endian int64, hex") @Pattern(
				regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex characters") String sha256,
		@Schema(description = "Length of the list the run saw", example = "5") @Min(0) Long count,
		@Schema(description = "Position of the first index in `indices`", example = "0") @Min(0) Long offset,
		@Schema(description = "The indices the run saw, from `offset`", example = "[4, 7, 1]") List<Long> indices) {
}
