package dev.seedbank.order;

import java.io.IOException;
import java.io.OutputStream;
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
	 * @param count indices written
	 * @return the body's length in bytes, or -1 for JSON, whose length depends on the
	 * indices
	 */
	public long contentLength(long count) {
		return switch (this) {
			case OCTET_STREAM -> count * Long.BYTES;
			case NPY -> NpyHeader.forInt64(count).length + count * Long.BYTES;
			case JSON -> -1;
		};
	}

	/**
	 * Writes a page of the list in this format.
	 * @param slice the whole list and its digest
	 * @param offset first position to write
	 * @param count positions to write
	 * @param out where to write
	 * @return bytes written
	 * @throws IOException when the client goes away
	 */
	public long write(RankSlice slice, long offset, long count, OutputStream out) throws IOException {
		return switch (this) {
			case OCTET_STREAM -> IndexWriter.binary(slice.order(), offset, count, out);
			case NPY -> IndexWriter.npy(slice.order(), offset, count, out);
			case JSON -> IndexWriter.json(slice.order(), offset, count, slice.sha256(), out);
		};
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
