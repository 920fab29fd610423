package dev.seedbank.timeline;

import java.time.Instant;

import dev.seedbank.sampling.timeline.Certificate;
import dev.seedbank.sampling.timeline.Certificates;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A certificate and its verdict.
 *
 * @param epoch the epoch
 * @param rank the rank
 * @param segment the segment it ran in
 * @param sha256 the posted digest
 * @param count the posted count
 * @param match whether both equal the expected ones
 * @param expectedSha256 the digest of the order the segment's rank reads in the epoch
 * @param expectedCount that order's length
 * @param createdAt when it was stored
 * @param createdBy who posted it
 */
@Schema(description = "A rank's certificate, judged against the order its segment reads")
record CertificateResponse(@Schema(description = "The epoch", example = "0") long epoch,
		@Schema(description = "The rank, in the segment", example = "0") int rank,
		@Schema(description = "The segment it ran in", example = "1") int segment,
		@Schema(description = "The posted digest, lower-case hex") String sha256,
		@Schema(description = "The posted count", example = "200") long count,
		@Schema(description = "Whether sha256 and count equal the expected ones") boolean match,
		@Schema(description = "Digest of the order the segment's rank reads in the epoch") String expectedSha256,
		@Schema(description = "That order's length", example = "200") long expectedCount,
		@Schema(description = "When it was stored") Instant createdAt,
		@Schema(description = "Who posted it") String createdBy) {

	static CertificateResponse of(Certificates.Verdict verdict, Instant createdAt, String createdBy) {
		Certificate c = verdict.certificate();
		return new CertificateResponse(c.epoch(), c.rank(), c.segment(), c.sha256(), c.count(), verdict.match(),
				verdict.expectedSha256(), verdict.expectedCount(), createdAt, createdBy);
	}

}
