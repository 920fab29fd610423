package dev.seedbank.order;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON form of a page of a rank's order (documentation only: it is streamed).
 *
 * @param indices dataset indices, in the order the rank visits them
 * @param offset position of the first index within the rank's list
 * @param count indices on this page
 * @param total the rank's whole list length
 * @param sha256 digest of the rank's whole list
 */
@Schema(name = "IndexPage", description = "A page of one rank's data order")
record IndexPage(@Schema(description = "Dataset indices, in the order the rank visits them") List<Long> indices,
		@Schema(description = "Position of the first index in the rank's list", example = "0") long offset,
		@Schema(description = "Indices on this page", example = "5") long count,
		@Schema(description = "Length of the rank's whole list (len(sampler))", example = "5") long total,
		@Schema(description = "SHA-256 over the rank's whole list as little-endian int64, lower-case hex") String sha256) {
}
