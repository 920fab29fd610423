package dev.seedbank.timeline;

import java.util.List;
import java.util.UUID;

import dev.seedbank.sampling.timeline.Certificates;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param experimentId the record
 * @param certificates every stored certificate, oldest first
 * @param epochs per epoch from 0 to the latest certified, who certified and who is
 * missing
 */
@Schema(description = "Every stored certificate with its verdict, and per epoch the totals")
record CertificatesResponse(@Schema(description = "The experiment") UUID experimentId,
		@Schema(description = "Every stored certificate, oldest first") List<CertificateResponse> certificates,
		@Schema(description = "Per epoch from 0 to the latest certified one") List<EpochTotals> epochs) {

	static CertificatesResponse of(UUID id, TimelineService.CertificateReport report) {
		return new CertificatesResponse(id,
				report.certificates()
					.stream()
					.map((c) -> CertificateResponse.of(c.verdict(), c.createdAt(), c.createdBy()))
					.toList(),
				report.epochs().stream().map(EpochTotals::of).toList());
	}

	/**
	 * @param epoch the epoch
	 * @param finishingSegment the segment whose ranks reach the epoch's end
	 * @param certified how many (segment, rank) pairs posted a certificate
	 * @param matched how many of them match, judged by their latest certificate
	 * @param mismatched how many do not
	 * @param missing how many of the finishing segment's ranks posted none
	 * @param ranks who is in each group
	 */
	@Schema(description = "One epoch's certificates: counts, and who is in each group")
	record EpochTotals(@Schema(description = "The epoch", example = "0") long epoch,
			@Schema(description = "The segment whose ranks reach the epoch's end", example = "1") int finishingSegment,
			@Schema(description = "(segment, rank) pairs with a certificate", example = "3") int certified,
			@Schema(description = "Of those, how many match (judged by their latest certificate)",
					example = "3") int matched,
			@Schema(description = "Of those, how many do not", example = "0") int mismatched,
			@Schema(description = "Ranks of the finishing segment without a certificate", example = "0") int missing,
			@Schema(description = "Who is in each group") Ranks ranks) {

		static EpochTotals of(Certificates.EpochSummary s) {
			return new EpochTotals(s.epoch(), s.finishingSegment(), s.certified().size(), s.matched().size(),
					s.mismatched().size(), s.missing().size(),
					new Ranks(refs(s.certified()), refs(s.matched()), refs(s.mismatched()), refs(s.missing())));
		}

		private static List<RankRef> refs(List<Certificates.RankRef> refs) {
			return refs.stream().map((r) -> new RankRef(r.segment(), r.rank())).toList();
		}

	}

	/**
	 * @param certified every (segment, rank) with a certificate
	 * @param matched those whose latest certificate matches
	 * @param mismatched those whose latest certificate does not
	 * @param missing the finishing segment's ranks without one
	 */
	@Schema(description = "The (segment, rank) pairs in each group")
	record Ranks(@Schema(description = "Every (segment, rank) with a certificate") List<RankRef> certified,
			@Schema(description = "Those whose latest certificate matches") List<RankRef> matched,
			@Schema(description = "Those whose latest certificate does not") List<RankRef> mismatched,
			@Schema(description = "The finishing segment's ranks without one") List<RankRef> missing) {
	}

	/**
	 * @param segment the segment
	 * @param rank the rank in it
	 */
	@Schema(description = "A rank of a segment")
	record RankRef(@Schema(description = "The segment", example = "1") int segment,
			@Schema(description = "The rank in it", example = "0") int rank) {
	}

}
