package dev.seedbank.timeline;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Certificates of what each rank read, and audits of where a resumed rank started. */
@RestController
@RequestMapping(path = "/api/v1/experiments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Run timeline")
class CertificateController {

	private final TimelineService timeline;

	private final int maxIndices;

	CertificateController(TimelineService timeline, dev.seedbank.order.OrderSettings settings) {
		this.timeline = timeline;
		this.maxIndices = settings.maxJsonIndices();
	}

	@PostMapping(path = "/epochs/{epoch}/ranks/{rank}/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a rank's certificate",
			description = "The digest and count of what the rank really read in the epoch, judged against the order "
					+ "its segment (default: the latest) reads there, and stored with the verdict. Append-only.")
	@ApiResponse(responseCode = "201", description = "Stored; the verdict")
	@ApiResponse(responseCode = "400", description = "A bad digest, count, segment or rank; nothing stored")
	@ApiResponse(responseCode = "404", description = "No such experiment")
	ResponseEntity<CertificateResponse> certify(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Epoch", example = "0") @PathVariable long epoch,
			@Parameter(description = "Rank in the segment", example = "0") @PathVariable int rank,
			@Valid @RequestBody CertificateRequest request, Principal principal) {
		TimelineService.StoredCertificate stored = this.timeline.certify(id, epoch, rank, request.segment(),
				request.sha256(), request.count(), TimelineController.callerName(principal));
		CertificateResponse body = CertificateResponse.of(stored.verdict(), stored.createdAt(), stored.createdBy());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/experiments/" + id + "/certificates"))
			.body(body);
	}

	@GetMapping("/certificates")
	@Operation(summary = "List the certificates",
			description = "Every stored certificate with its verdict, oldest first; per epoch from 0 to the latest "
					+ "certified, the (segment, rank) pairs certified, matched and mismatched (by their latest "
					+ "certificate) and the finishing segment's ranks missing.")
	CertificatesResponse certificates(@Parameter(description = "Experiment id") @PathVariable UUID id) {
		return CertificatesResponse.of(id, this.timeline.certificates(id));
	}

	@PostMapping(path = "/resume-audit", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Audit where a resumed rank started",
			description = "Given the checkpoint's epoch and stream position and the first indices the resumed rank "
					+ "read: ok, wrong-epoch (the next epoch's permutation), restarted-epoch (the epoch's, or epoch "
					+ "0's, start), wrong-offset or unknown, with where they do belong. Stores nothing.")
	ResumeAuditResponse audit(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Valid @RequestBody ResumeAuditRequest request) {
		List<Long> observed = request.observed();
		if (observed.size() > this.maxIndices) {
			throw ApiException.invalid("observed", "at most " + this.maxIndices + " indices");
		}
		long[] values = new long[observed.size()];
		for (int i = 0; i < values.length; i++) {
			if (observed.get(i) == null) {
				throw ApiException.invalid("observed[" + i + "]", "must be an integer");
			}
			values[i] = observed.get(i);
		}
		return ResumeAuditResponse.of(this.timeline.audit(id, request.epoch(), request.startSample(),
				request.worldSize(), request.rank(), values));
	}

}
