package dev.seedbank.manifest;

import dev.seedbank.sampling.TorchVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RandpermVariantsTests {

	@ParameterizedTest(name = "torch {0}, n = {1}: {2}")
	@CsvSource(textBlock = """
			2.5.1,      214748364, classic
			2.6.0,      214748363, classic
			2.6.0,      214748364, inside-out
			2.6.0+cu124, 300000000, inside-out
			2.11.0,     1000,      classic
			1.13.0a0,   2147483647, classic
			""")
	void theSecondAlgorithmStartsAtTorch260AndSize214748364(String torch, long size, String variant) {
		assertThat(RandpermVariants.of(TorchVersion.parse(torch), size)).isEqualTo(variant);
	}

}
