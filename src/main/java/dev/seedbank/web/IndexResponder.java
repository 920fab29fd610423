package dev.seedbank.web;

import java.io.IOException;
import java.util.Locale;

import dev.seedbank.order.IndexFormat;
import dev.seedbank.order.OrderSettings;
import dev.seedbank.order.RankSlice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Writes a page of any sampler's order: checks {@code offset} and {@code limit},
 * negotiates the format from {@code Accept}, sets the digest, count, release and ETag
 * headers, answers {@code If-None-Match} with 304, and streams the page. Every index
 * endpoint answers through it, so all of them page, negotiate and cache alike. The order
 * and its formats are {@code order}'s; this class is only their HTTP.
 */
@Component
public class IndexResponder {

	private final OrderSettings settings;

	private final Counter bytesServed;

	IndexResponder(OrderSettings settings, MeterRegistry registry) {
		this.settings = settings;
		this.bytesServed = Counter.builder("seedbank.indices.served.bytes")
			.description("Bytes of index orders written")
			.baseUnit("bytes")
			.register(registry);
	}

	/**
	 * @param slice the whole list and its digest
	 * @param offset first position to write
	 * @param limit most positions to write, {@code null} for the rest
	 * @param accept the request's {@code Accept}
	 * @param ifNoneMatch the request's {@code If-None-Match}
	 * @param response where to write
	 * @throws IOException when the client goes away
	 */
	public void write(RankSlice slice, long offset, Long limit, String accept, String ifNoneMatch,
			HttpServletResponse response) throws IOException {
		long total = slice.order().length();
		if (offset < 0 || offset > total) {
			throw ApiException.invalid("offset",
					"must be in [0, " + total + "], the rank's list has " + total + " indices");
		}
		if (limit != null && limit < 0) {
			throw ApiException.invalid("limit", "must not be negative");
		}
		long count = (limit != null) ? Math.min(limit, total - offset) : total - offset;
		IndexFormat format = IndexFormat.negotiate(accept);
		if (format == IndexFormat.JSON && count > this.settings.maxJsonIndices()) {
			throw ApiException.invalid("limit", "a JSON page holds at most " + this.settings.maxJsonIndices()
					+ " indices; ask for application/octet-stream or application/x-npy to stream any length");
		}
		String etag = "\"" + slice.sha256().substring(0, 32) + "-" + offset + "-" + count + "-"
				+ format.name().toLowerCase(Locale.ROOT) + "\"";
		response.setHeader("Seedbank-Order-Sha256", slice.sha256());
		response.setHeader("Seedbank-Total-Count", Long.toString(total));
		slice.releases().forEach(response::setHeader);
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		// An order never changes for its arguments: clients may keep it and revalidate by
		// ETag (Spring Security's default would forbid storing it at all).
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
		if (ETags.matches(ifNoneMatch, etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(format.mediaType().toString());
		long length = format.contentLength(count);
		if (length >= 0) {
			response.setContentLengthLong(length);
		}
		this.bytesServed.increment(format.write(slice, offset, count, response.getOutputStream()));
	}

}
