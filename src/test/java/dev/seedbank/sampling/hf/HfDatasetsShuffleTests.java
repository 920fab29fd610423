package dev.seedbank.sampling.hf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.LibraryWouldRaiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HfDatasetsShuffle} against {@code hf/hf_datasets.jsonl} from datasets 5.0.1. */
class HfDatasetsShuffleTests {

	static Stream<Arguments> rows() {
		JsonMapper json = JsonMapper.builder().build();
		try (InputStream in = HfDatasetsShuffleTests.class.getResourceAsStream("/hf/hf_datasets.jsonl")) {
			assertThat(in).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.map(json::readTree)
				.map((row) -> Arguments.of("n=%s seed=%s numShards=%s index=%s contiguous=%s".formatted(
						row.get("datasetSize"), row.get("seed").asString(), row.get("numShards"), row.get("shardIndex"),
						row.get("contiguous")), row))
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void yieldsWhatDatasetsYields(String description, JsonNode row) {
		long n = row.get("datasetSize").asLong();
		BigInteger seed = new BigInteger(row.get("seed").asString());
		long numShards = row.get("numShards").asLong();
		long index = row.get("shardIndex").asLong();
		boolean contiguous = row.get("contiguous").asBoolean();
		if (row.has("raises")) {
			assertThatThrownBy(
					() -> HfDatasetsShuffle.order(n, seed, numShards, index, contiguous, DatasetsVersion.DEFAULT))
				.isInstanceOf(LibraryWouldRaiseException.class)
				.hasMessage("datasets 5.0.1 would raise " + row.get("raises").asString());
			return;
		}
		HfDatasetsOrder order = HfDatasetsShuffle.order(n, seed, numShards, index, contiguous, DatasetsVersion.DEFAULT);
		JsonNode indices = row.get("indices");
		assertThat(order.length()).as("length").isEqualTo(row.get("length").asLong());
		for (int k = 0; k < indices.size(); k++) {
			assertThat(order.get(k)).as("row at position %d", k).isEqualTo(indices.get(k).asLong());
		}
		assertThat(order.sha256()).as("digest").isEqualTo(row.get("sha256").asString());
	}

	@Test
	void refusesArgumentsDatasetsCannotBeGiven() {
		assertThatThrownBy(() -> HfDatasetsShuffle.order(-1, BigInteger.ONE, 1, 0, true, DatasetsVersion.DEFAULT))
			.isInstanceOfSatisfying(InvalidSamplerArgumentException.class,
					(ex) -> assertThat(ex.parameter()).isEqualTo("datasetSize"));
		assertThatThrownBy(() -> HfDatasetsShuffle.order(10, null, 1, 0, true, DatasetsVersion.DEFAULT))
			.isInstanceOfSatisfying(InvalidSamplerArgumentException.class,
					(ex) -> assertThat(ex.parameter()).isEqualTo("seed"));
		assertThatThrownBy(() -> DatasetsVersion.parse("1.18.0")).isInstanceOfSatisfying(
				InvalidSamplerArgumentException.class, (ex) -> assertThat(ex.parameter()).isEqualTo("datasetsVersion"));
		assertThat(DatasetsVersion.parse(null)).isEqualTo(DatasetsVersion.V5_0_1);
	}

	@Test
	void stridedShardsOfHugeShardCountsHoldOneRowOrNone() {
		HfDatasetsOrder first = HfDatasetsShuffle.order(5, BigInteger.TWO, Long.MAX_VALUE, 0, false,
				DatasetsVersion.DEFAULT);
		HfDatasetsOrder whole = HfDatasetsShuffle.order(5, BigInteger.TWO, 1, 0, false, DatasetsVersion.DEFAULT);
		assertThat(first.length()).isEqualTo(1);
		assertThat(first.get(0)).isEqualTo(whole.get(0));
		assertThat(
				HfDatasetsShuffle.order(5, BigInteger.TWO, Long.MAX_VALUE, 9, false, DatasetsVersion.DEFAULT).length())
			.isZero();
	}

}
