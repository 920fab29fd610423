package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Golden rows from real accelerate 1.15.0 and torch 2.13
 * ({@code accelerate/make_vectors.py}): the whole order, a {@code skip_first_batches}
 * resume, and the cases that raise. Compared element by element where the row holds the
 * indices, else by digest.
 */
class AcceleratePreparedLoaderConformanceTests {

	private static final String VECTORS = "/accelerate/accelerate-1.15.0-prepared-loader.jsonl";

	@Test
	void everyGoldenRowAnswersLikeAccelerate() throws NoSuchAlgorithmException {
		List<JsonNode> rows = TorchConformanceTests.readRows(VECTORS);
		assertThat(rows).hasSize(120);
		for (int r = 0; r < rows.size(); r++) {
			JsonNode row = rows.get(r);
			String description = "row " + r + " " + row.toString().replaceAll(",\"(indices|head)\":\\[[^]]*]", "");
			AccelerateLoaderParameters parameters = new AccelerateLoaderParameters(row.get("datasetSize").asLong(),
					row.get("numProcesses").asInt(), row.get("processIndex").asInt(), row.get("batchSize").asInt(),
					row.get("epoch").asLong(), row.get("seed").bigIntegerValue(), row.get("shuffle").asBoolean(),
					row.get("dropLast").asBoolean(), row.get("evenBatches").asBoolean(),
					row.get("splitBatches").asBoolean(),
					AccelerateVersion.parse(row.get("accelerateVersion").asString()),
					TorchVersion.parse(row.get("torchVersion").asString()));
			if (row.has("raises")) {
				assertThat(catchThrowable(() -> AcceleratePreparedLoader.of(parameters))).as(description)
					.isInstanceOf(LibraryWouldRaiseException.class)
					.hasMessageContaining(row.get("raises").asString());
				continue;
			}
			AcceleratePreparedLoader loader = AcceleratePreparedLoader.of(parameters);
			IndexOrder order = loader.order();
			assertThat(order.length()).as(description).isEqualTo(row.get("length").asLong());
			JsonNode indices = row.has("indices") ? row.get("indices") : row.get("head");
			for (int k = 0; k < indices.size(); k++) {
				assertThat(order.get(k)).as("%s, position %d", description, k).isEqualTo(indices.get(k).asLong());
			}
			assertThat(order.sha256()).as(description).isEqualTo(row.get("sha256").asString());
			long offset = loader.skipFirstBatchesOffset(row.get("skipBatches").asLong());
			assertThat(order.length() - offset).as(description + ", resumed")
				.isEqualTo(row.get("resumedLength").asLong());
			assertThat(sha256(order, offset)).as(description + ", resumed")
				.isEqualTo(row.get("resumedSha256").asString());
		}
	}

	private static String sha256(IndexOrder order, long from) throws NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		ByteBuffer buffer = ByteBuffer.allocate((int) (order.length() - from) * Long.BYTES);
		order.write(from, order.length(), buffer);
		digest.update(buffer.array(), 0, buffer.position());
		return HexFormat.of().formatHex(digest.digest());
	}

}
