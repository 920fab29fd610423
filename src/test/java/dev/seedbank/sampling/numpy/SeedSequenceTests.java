package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
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

	@Test
	void refusesANegativeSeedAsNumpyDoes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedSequence(BigInteger.valueOf(-1)))
			.withMessage("expected non-negative integer");
	}

}
