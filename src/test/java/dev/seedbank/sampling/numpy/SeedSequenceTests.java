package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link SeedSequence} against {@code seed_sequence.jsonl} from NumPy 2.4.6. */
class SeedSequenceTests {

	static Stream<Arguments> rows() {
		return NumpyVectors.arguments("seed_sequence.jsonl");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void generatesNumpysState(String description, JsonNode row) {
		SeedSequence sequence = new SeedSequence(NumpyVectors.seed(row));
		for (String field : new String[] { "uint32_4", "uint32_8" }) {
			JsonNode expected = row.get(field);
			int[] actual = sequence.generateState(expected.size());
			assertThat(actual).as(field).hasSize(expected.size());
			for (int i = 0; i < actual.length; i++) {
				assertThat(Integer.toUnsignedLong(actual[i])).as("%s word %d", field, i)
					.isEqualTo(expected.get(i).asLong());
			}
		}
		for (String field : new String[] { "uint64_4", "uint64_8" }) {
			JsonNode expected = row.get(field);
			long[] actual = sequence.generateState64(expected.size());
			assertThat(actual).as(field).hasSize(expected.size());
			for (int i = 0; i < actual.length; i++) {
				assertThat(actual[i]).as("%s word %d", field, i).isEqualTo(NumpyVectors.bits(expected.get(i)));
			}
		}
	}

	static Stream<Arguments> listRows() {
		return NumpyVectors.rows("seed_sequence_lists.jsonl")
			.stream()
			.map((row) -> Arguments.of("entropy=%s spawn_key=%s".formatted(row.get("entropy"), row.get("spawn_key")),
					row));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("listRows")
	void assemblesListsSpawnKeysAndChildrenAsNumpy(String description, JsonNode row) {
		SeedSequence sequence = SeedSequence.of(integers(row.get("entropy")), integers(row.get("spawn_key")));
		List<SeedSequence> children = sequence.spawn(3);
		List<SeedSequence> later = sequence.spawn(2);
		assertState("sequence", sequence, row.get("uint32_4"));
		long[] wide = sequence.generateState64(2);
		for (int i = 0; i < wide.length; i++) {
			assertThat(wide[i]).as("uint64 word %d", i).isEqualTo(NumpyVectors.bits(row.get("uint64_2").get(i)));
		}
		for (int c = 0; c < children.size(); c++) {
			assertState("child " + c, children.get(c), row.get("children").get(c));
		}
		for (int c = 0; c < later.size(); c++) {
			assertState("later child " + c, later.get(c), row.get("later").get(c));
		}
		assertState("grandchild", children.get(1).spawn(2).get(1), row.get("grandchild"));
	}

	private static List<BigInteger> integers(JsonNode values) {
		List<BigInteger> integers = new ArrayList<>();
		values.forEach((value) -> integers.add(new BigInteger(value.asString())));
		return integers;
	}

	private static void assertState(String what, SeedSequence sequence, JsonNode expected) {
		int[] actual = sequence.generateState(expected.size());
		for (int i = 0; i < actual.length; i++) {
			assertThat(Integer.toUnsignedLong(actual[i])).as("%s word %d", what, i).isEqualTo(expected.get(i).asLong());
		}
	}

	@Test
	void refusesANegativeSeedAsNumpyDoes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedSequence(BigInteger.valueOf(-1)))
			.withMessage("expected non-negative integer");
	}

}
