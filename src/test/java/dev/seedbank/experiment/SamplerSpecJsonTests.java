package dev.seedbank.experiment;

import java.util.List;

import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.SamplerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The record's sampler JSON: what a request sends reads into the spec built directly, and
 * what is written (to the column and to the API) reads back into the same spec.
 */
class SamplerSpecJsonTests {

	static final List<SamplerKinds> KINDS = SamplerKinds.ALL;

	private static final JsonMapper JSON = JsonMapper.shared();

	@ParameterizedTest(name = "{0}")
	@FieldSource("KINDS")
	void aRequestReadsIntoTheSpecAndTheWrittenFormReadsBack(SamplerKinds kind) {
		SamplerSpec read = SamplerSpecJson.read(JSON.readTree(kind.sampler()));
		assertThat(read).isEqualTo(kind.spec());
		assertThat(SamplerSpecJson.read(SamplerSpecJson.write(read))).isEqualTo(read);
		SamplerSpecConverter converter = new SamplerSpecConverter();
		assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(read))).isEqualTo(read);
	}

	@Test
	void withoutKindItIsTheDistributedShapeWithTorchsDefaults() {
		assertThat(SamplerSpecJson.read(JSON.readTree("{\"datasetSize\": 10, \"worldSize\": 2}")))
			.isEqualTo(new DistributedSpec(10, 2, true, false));
	}

	@Test
	void everyProblemIsNamedUnderSampler() {
		assertThatExceptionOfType(InvalidSamplerSettingsException.class)
			.isThrownBy(() -> SamplerSpecJson.read(JSON
				.readTree("{\"kind\": \"accelerate\", \"datasetSize\": -1, \"numProcesses\": \"2\", \"seed\": 3}")))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(InvalidSamplerSettingsException.Violation::field)
				.containsExactly("sampler.seed", "sampler.datasetSize", "sampler.numProcesses", "sampler.batchSize"));
	}

}
