package dev.seedbank.web;

import dev.seedbank.order.PermutationBudgetBusyException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy permutation budget is a 503 problem with Retry-After, the client's cue to retry.
 */
class PermutationBudgetProblemTests {

	@Test
	void isA503UnavailableProblemWithRetryAfter() {
		ResponseEntity<ProblemDetail> response = new ProblemHandler()
			.permutationBudgetBusy(new PermutationBudgetBusyException(30_000_000, 120_000_016, 134_217_728, 3));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().getType()).isEqualTo(ProblemType.UNAVAILABLE.uri());
		assertThat(response.getBody().getDetail()).contains("30000000 samples")
			.contains("128 MiB budget")
			.contains("retry after 3 seconds");
	}

}
