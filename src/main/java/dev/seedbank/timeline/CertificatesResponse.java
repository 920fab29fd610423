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
record CertificatesResponse(UUID experimentId, List<CertificateResponse> certificates, List<EpochTotals> epochs) {

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
	record EpochTotals(long epoch, int finishingSegment, int certified, int matched, int mismatched, int missing,
			Ranks ranks) {

		static EpochTotals of(Certificates.EpochSummary s) {
			return new EpochTotals(s.epoch(), s.finishingSegment(), s.certified().size(), s.matched().size(),
					s.mismatched().size(), s.missing().size(),
					new Ranks(s.certified(), s.matched(), s.mismatched(), s.missing()));
		}

	}

	/**
	 * @param certified every (segment, rank) with a certificate
	 * @param matched those whose latest certificate matches
	 * @param mismatched those whose latest certificate does not
	 * @param missing the finishing segment's ranks without one
	 */
	record Ranks(List<Certificates.RankRef> certified, List<Certificates.RankRef> matched,
			List<Certificates.RankRef> mismatched, List<Certificates.RankRef> missing) {
	}

}
