package dev.seedbank.order;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.seedbank.sampling.IndexOrder;

/**
 * Streams a page of a rank's order in each format, in fixed-size chunks, so a page of any
 * length costs the same small buffer.
 */
final class IndexWriter {

	/** Indices per chunk: 512 KiB of binary output. */
	private static final int CHUNK = 65536;

	private IndexWriter() {
	}

	/**
	 * @return bytes written
	 */
	static long binary(IndexOrder order, long offset, long count, OutputStream out) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Long.BYTES);
		for (long from = offset; from < offset + count; from += CHUNK) {
			buffer.clear();
			order.write(from, Math.min(offset + count, from + CHUNK), buffer);
			out.write(buffer.array(), 0, buffer.position());
		}
		return count * Long.BYTES;
	}

	/**
	 * @return bytes written
	 */
	static long npy(IndexOrder order, long offset, long count, OutputStream out) throws IOException {
		byte[] header = NpyHeader.forInt64(count);
		out.write(header);
		return header.length + binary(order, offset, count, out);
	}

	/**
	 * Writes {@code {"indices": [...], "offset", "count", "total", "sha256"}}.
	 * @return bytes written
	 */
	static long json(IndexOrder order, long offset, long count, String sha256, OutputStream out) throws IOException {
		long written = 0;
		StringBuilder text = new StringBuilder(CHUNK * 8);
		text.append("{\"indices\":[");
		for (long k = offset; k < offset + count; k++) {
			if (k > offset) {
				text.append(',');
			}
			text.append(order.get(k));
			if (text.length() >= CHUNK * 7) {
				written += flush(text, out);
			}
		}
		text.append("],\"offset\":")
			.append(offset)
			.append(",\"count\":")
			.append(count)
			.append(",\"total\":")
			.append(order.length())
			.append(",\"sha256\":\"")
			.append(sha256)
			.append("\"}");
		return written + flush(text, out);
	}

	private static long flush(StringBuilder text, OutputStream out) throws IOException {
		byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
		out.write(bytes);
		text.setLength(0);
		return bytes.length;
	}

}
