package dev.seedbank.order;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The representations of an index list, chosen by the request's {@code Accept}. */
public enum IndexFormat {

	/**
	 * {@code {"indices": [...], "offset", "count", "total", "sha256"}}, capped in size.
	 */
	JSON(MediaType.APPLICATION_JSON),

	/** The indices as little-endian int64, nothing else. */
	OCTET_STREAM(MediaType.APPLICATION_OCTET_STREAM),

	/** A NumPy {@code .npy} file, format 1.0, dtype {@code <i8}, 1-D. */
	NPY(MediaType.parseMediaType("application/x-npy"));

	private final MediaType mediaType;

	IndexFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * @param accept the Accept header, or {@code null}
	 * @return the best format the client accepts; JSON when it accepts anything
	 * @throws UnacceptableFormatException when it accepts none of them
	 */
	public static IndexFormat negotiate(String accept) {
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw UnacceptableFormatException.malformedAccept();
		}
		// Highest quality first; among equals, the client's order (the sort is stable).
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType candidate : accepted) {
			if (candidate.getQualityValue() == 0) {
				continue;
			}
			for (IndexFormat format : values()) {
				if (candidate.includes(format.mediaType)) {
					return format;
				}
			}
		}
		throw UnacceptableFormatException.noneAccepted();
	}

}
