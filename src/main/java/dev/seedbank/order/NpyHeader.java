package dev.seedbank.order;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0, for a 1-D little-endian
 * int64 array (numpy/lib/format.py: magic, version, a little-endian uint16 header length,
 * then a Python dict literal padded with spaces and ending in a newline so the data
 * starts on a 64-byte boundary, as numpy itself writes since 1.23).
 */
final class NpyHeader {

	/** {@code \x93NUMPY}. */
	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	/** Magic, two version bytes, two header-length bytes. */
	private static final int PREAMBLE = MAGIC.length + 4;

	private static final int ALIGNMENT = 64;

	private NpyHeader() {
	}

	static byte[] forInt64(long count) {
		String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + count + ",), }";
		int unpadded = PREAMBLE + dict.length() + 1;
		int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
		String header = dict + " ".repeat(padding) + "\n";
		ByteBuffer buffer = ByteBuffer.allocate(PREAMBLE + header.length()).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
		buffer.put(header.getBytes(StandardCharsets.US_ASCII));
		return buffer.array();
	}

}
