package dev.seedbank.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.seedbank.sampling.ReleaseVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden rows from Lightning 2.6.6's own seed code ({@code lightning/make_vectors.py}):
 * the torch, {@code random} and NumPy seeds of {@code pl_worker_init_function} for base
 * seeds across the whole int63 range, worker ids and ranks past 2^16.
 */
class LightningWorkerSeedsConformanceTests {

	private static final String VECTORS = "/lightning/lightning-2.6.6-worker-seeds.jsonl";

	@Test
	void everyGoldenRowMatches() {
		List<JsonNode> rows = rows();
		assertThat(rows).hasSize(140);
		for (int r = 0; r < rows.size(); r++) {
			JsonNode row = rows.get(r);
			WorkerSeed seed = LightningWorkerSeeds.worker(row.get("baseSeed").asLong(), row.get("workerId").asInt(),
					row.get("globalRank").asInt(), ReleaseVersion.parse(row.get("lightningVersion").asString()));
			String description = "row " + r + " " + row;
			assertThat(seed.seed()).as(description + ": torch seed").isEqualTo(row.get("torchSeed").bigIntegerValue());
			assertThat(seed.randomSeed()).as(description + ": random seed")
				.isEqualTo(row.get("randomSeed").bigIntegerValue());
			JsonNode numpy = row.get("numpySeed");
			for (int w = 0; w < 4; w++) {
				assertThat(seed.numpySeed().get(w)).as("%s: numpy word %d", description, w)
					.isEqualTo(numpy.get(w).asLong());
			}
		}
	}

	private static List<JsonNode> rows() {
		JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
		try (InputStream in = LightningWorkerSeedsConformanceTests.class.getResourceAsStream(VECTORS)) {
			assertThat(in).as(VECTORS).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.map(json::readTree)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
