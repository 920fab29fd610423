package dev.seedbank.timeline;

import dev.seedbank.sampling.timeline.ResumeAudit;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param verdict {@code ok}, {@code wrong-epoch}, {@code restarted-epoch},
 * {@code wrong-offset} or {@code unknown}
 * @param matchedEpoch the epoch whose list holds the observed run, or {@code null}
 * @param matchedOffset its position in that rank's list, or {@code null}
 */
@Schema(description = "Where the observed indices belong")
record ResumeAuditResponse(@Schema(description = "Where the observed run belongs", allowableValues = {
		"ok", "wrong-epoch", "restarted-epoch", "wrong-offset", "unknown" }) String verdict,
		@Schema(description = "The epoch whose list holds the observed run, null when unknown") Long matchedEpoch,
		@Schema(description = "Its position in the rank's list at the resumed world size, null when unknown") Long matchedOffset){

	static ResumeAuditResponse of(ResumeAudit.Result result) {
		return new ResumeAuditResponse(result.verdict().wire(), result.matchedEpoch(), result.matchedOffset());
	}

}
