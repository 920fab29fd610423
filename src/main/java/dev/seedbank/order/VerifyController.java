package dev.seedbank.order;

import java.util.List;
import java.util.UUID;

import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks what a run really saw against the order seedbank serves. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Index orders")
class VerifyController {

	private final IndexOrderService orders;

	private final OrderSettings settings;

	VerifyController(IndexOrderService orders, OrderSettings settings) {
		this.orders = orders;
		this.settings = settings;
	}

	@PostMapping(path = "/experiments/{id}/epochs/{epoch}/ranks/{rank}/verify",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Verify what a rank saw",
			description = "Give {sha256, count} of the whole list the run saw, or {offset, indices} for a page of it. "
					+ "Answers whether it matches and, for a page, the first differing position.")
	VerifyResponse verify(@Parameter(description = "Experiment id") @PathVariable UUID id,
			@Parameter(description = "Epoch", example = "0") @PathVariable long epoch,
			@Parameter(description = "Rank", example = "0") @PathVariable int rank,
			@Valid @RequestBody VerifyRequest request) {
		boolean byDigest = request.sha256() != null;
		boolean byIndices = request.indices() != null;
		if (byDigest == byIndices) {
			throw ApiException.invalid("body", "give either {sha256, count} or {offset, indices}, not both or neither");
		}
		if (byDigest && request.offset() != null) {
			throw ApiException.invalid("offset", "goes with indices, not with sha256");
		}
		RankSlice slice = this.orders.slice(id, epoch, rank);
		IndexOrder order = slice.order();
		if (byDigest) {
			boolean match = slice.sha256().equalsIgnoreCase(request.sha256())
					&& (request.count() == null || request.count() == order.length());
			return new VerifyResponse(match, slice.sha256(), order.length(), null);
		}
		VerifyResponse.Mismatch mismatch = firstMismatch(order, request);
		return new VerifyResponse(mismatch == null, slice.sha256(), order.length(), mismatch);
	}

	private VerifyResponse.Mismatch firstMismatch(IndexOrder order, VerifyRequest request) {
		List<Long> indices = request.indices();
		long offset = (request.offset() != null) ? request.offset() : 0;
		if (indices.size() > this.settings.maxJsonIndices()) {
			throw ApiException.invalid("indices", "at most " + this.settings.maxJsonIndices()
					+ " indices per request; verify longer lists by sha256 and count");
		}
		if (offset > order.length()) {
			throw ApiException.invalid("offset", "must be in [0, " + order.length() + "]");
		}
		for (int i = 0; i < indices.size(); i++) {
			long position = offset + i;
			Long actual = indices.get(i);
			if (actual == null) {
				throw ApiException.invalid("indices[" + i + "]", "must be an integer");
			}
			if (position >= order.length()) {
				return new VerifyResponse.Mismatch(position, null, actual);
			}
			long expected = order.get(position);
			if (expected != actual) {
				return new VerifyResponse.Mismatch(position, expected, actual);
			}
		}
		return null;
	}

}
