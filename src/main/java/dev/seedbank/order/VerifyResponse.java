package dev.seedbank.order;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a run saw the order seedbank serves.
 *
 * @param match whether everything given matches
 * @param expectedSha256 digest of the rank's whole list
 * @param expectedCount the rank's whole list length
 * @param firstMismatch the first differing position, for a page of indices
 */
@Schema(description = "The verdict, and the first difference when a page of indices was given")
record VerifyResponse(@Schema(description = "Whether everything given matches") boolean match,
		@Schema(description = "Digest of the rank's whole list") String expectedSha256,
		@Schema(description = "Length of the rank's whole list") long expectedCount,
		@Schema(description = "The first differing position, or null", nullable = true) Mismatch firstMismatch) {

	/**
	 * A position where the run saw something else.
	 *
	 * @param position position in the rank's list
	 * @param expected the index seedbank serves there, null past the end
	 * @param actual the index the run saw
	 */
	@Schema(description = "A position where the run saw another index")
	record Mismatch(@Schema(description = "Position in the rank's list") long position,
			@Schema(description = "The index seedbank serves there, null past the end", nullable = true) Long expected,
			@Schema(description = "The index the run saw", nullable = true) Long actual) {
	}

}
