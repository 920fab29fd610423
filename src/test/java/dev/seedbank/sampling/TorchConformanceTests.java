package dev.seedbank.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code torch-1.13-distributed-sampler.jsonl} and
 * {@code torch-2.13/torch-2.13-distributed-sampler.jsonl}, produced by a real torch
 * 1.13.1 and 2.13.0 (see the READMEs beside them), through the engine: by digest always,
 * element by element where the row carries the whole list.
 */
class TorchConformanceTests {

	static final String VECTORS = "/conformance/torch-1.13-distributed-sampler.jsonl";

	/** Made by the real torch 2.13.0, one row in randperm's 64-bit inside-out branch. */
	static final String VECTORS_2_13 = "/conformance/torch-2.13/torch-2.13-distributed-sampler.jsonl";

	static Stream<Arguments> rows() {
		return Stream.of(VECTORS, VECTORS_2_13)
			.flatMap((file) -> readRows(file).stream())
			.map((row) -> Arguments.of(describe(row), row));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void engineYieldsTorchsOrder(String description, JsonNode row) {
		SamplerPlan plan = SamplerPlan.of(parameters(row));
		int[] permutation = plan.permutationKey().map(Randperm::compute).orElse(null);
		RankOrder order = plan.rank(row.get("rank").asInt(), permutation);

		assertThat(order.length()).as("length").isEqualTo(row.get("length").asLong());
		JsonNode indices = row.get("indices");
		if (indices != null) {
			for (int k = 0; k < indices.size(); k++) {
				long expected = indices.get(k).asLong();
				assertThat(order.get(k)).as("index at position %d", k).isEqualTo(expected);
			}
		}
		JsonNode head = row.get("head");
		for (int k = 0; k < head.size(); k++) {
			assertThat(order.get(k)).as("head index at position %d", k).isEqualTo(head.get(k).asLong());
		}
		assertThat(order.sha256()).as("order digest").isEqualTo(row.get("sha256").asString());
	}

	static SamplerParameters parameters(JsonNode row) {
		return new SamplerParameters(row.get("datasetSize").asLong(), row.get("worldSize").asInt(),
				row.get("epoch").bigIntegerValue(), row.get("seed").bigIntegerValue(), row.get("shuffle").asBoolean(),
				row.get("dropLast").asBoolean(), TorchVersion.parse(row.get("torchVersion").asString()));
	}

	static List<JsonNode> readRows(String resource) {
		JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
		try (InputStream in = TorchConformanceTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank()).map(json::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String describe(JsonNode row) {
		return "torch %s N=%s W=%s rank=%s epoch=%s seed=%s shuffle=%s dropLast=%s".formatted(row.get("torchVersion"),
				row.get("datasetSize"), row.get("worldSize"), row.get("rank"), row.get("epoch"), row.get("seed"),
				row.get("shuffle"), row.get("dropLast"));
	}

}
