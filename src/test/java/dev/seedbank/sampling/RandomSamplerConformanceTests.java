package dev.seedbank.sampling;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code torch-2.13/torch-2.13-random-sampler.jsonl}, produced by a real
 * torch 2.13.0 (see the README beside it), through the engine: length, head element by
 * element, digest and the loader's base seed.
 */
class RandomSamplerConformanceTests {

	static final String VECTORS = "/conformance/torch-2.13/torch-2.13-random-sampler.jsonl";

	static Stream<Arguments> rows() {
		return TorchConformanceTests.readRows(VECTORS).stream().map((row) -> Arguments.of(describe(row), row));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void engineYieldsTorchsOrder(String description, JsonNode row) {
		JsonNode numSamples = row.get("numSamples");
		RandomSamplerOrder order = RandomSamplerOrder
			.of(new RandomSamplerParameters(row.get("datasetSize").asLong(), row.get("seed").bigIntegerValue(),
					row.get("epoch").asLong(), (numSamples == null || numSamples.isNull()) ? null : numSamples.asLong(),
					row.get("replacement").asBoolean(), row.get("dataLoader").asBoolean(),
					TorchVersion.parse(row.get("torchVersion").asString())));

		assertThat(order.length()).as("length").isEqualTo(row.get("length").asLong());
		JsonNode head = row.get("head");
		for (int k = 0; k < head.size(); k++) {
			assertThat(order.get(k)).as("head index at position %d", k).isEqualTo(head.get(k).asLong());
		}
		assertThat(order.sha256()).as("order digest").isEqualTo(row.get("sha256").asString());
		if (row.has("loaderBaseSeed")) {
			assertThat(order.loaderBaseSeed()).as("loader base seed").hasValue(row.get("loaderBaseSeed").asLong());
		}
	}

	private static String describe(JsonNode row) {
		return "torch %s N=%s seed=%s epoch=%s numSamples=%s replacement=%s dataLoader=%s".formatted(
				row.get("torchVersion"), row.get("datasetSize"), row.get("seed"), row.get("epoch"),
				row.get("numSamples"), row.get("replacement"), row.get("dataLoader"));
	}

}
