package dev.seedbank.experiment.web;

import java.math.BigInteger;
import java.util.Map;

import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/experiments}; field names are fixed by API.md.
 *
 * @param name unique name
 * @param description free text
 * @param framework one of torch, composer, accelerate, lightning
 * @param frameworkVersion the framework's version
 * @param torchVersion torch's version
 * @param globalSeed the run's global seed
 * @param dataSeed the explicit data seed
 * @param dataSeedPolicy how the data seed is chosen
 * @param deviceSpecific accelerate's {@code set_seed(device_specific=...)}
 * @param sampler the sampler's kind and arguments, read by {@code SamplerSpecJson}
 * @param seedWorkers Lightning's {@code seed_everything(workers=True)}
 * @param tags labels
 */
@Schema(description = "A new experiment record")
public record CreateExperimentRequest(
		@Schema(description = "Unique name, at most 200 characters",
				example = "resnet50-sweep-a/seed-17") @NotBlank @Size(
						max = 200) @Pattern(regexp = Text.NO_CONTROL, message = Text.NO_CONTROL_MESSAGE) String name,
		@Schema(description = "Free text", example = "Baseline of sweep A") @Size(max = 4000) String description,
		@Schema(description = "Training framework", allowableValues = {
				"torch", "composer", "accelerate", "lightning" },
				example = "composer") @NotNull @Pattern(regexp = "torch|composer|accelerate|lightning",
						message = "must be one of torch, composer, accelerate, lightning") String framework,
		@Schema(description = "The framework's version", example = "0.28.0") @NotBlank @Size(max = 64) @Pattern(
				regexp = VERSION, message = "must be a version such as 0.28.0") String frameworkVersion,
		@Schema(description = "torch's version, 1.5 to 2.11", example = "2.5.1") @NotBlank @Size(max = 64) @Pattern(
				regexp = VERSION, message = "must be a version such as 2.5.1") String torchVersion,
		@Schema(description = SEED_RANGE, type = "integer", format = "int64-or-uint64",
				example = "17") @NotNull @DecimalMin(MIN_SEED) @DecimalMax(MAX_SEED) BigInteger globalSeed,
		@Schema(description = "Explicit data (sampler) seed, or null. " + SEED_RANGE, type = "integer",
				format = "int64-or-uint64",
				nullable = true) @DecimalMin(MIN_SEED) @DecimalMax(MAX_SEED) BigInteger dataSeed,
		@Schema(description = "How the data seed is chosen",
				example = "FRAMEWORK_DEFAULT") @NotNull DataSeedPolicy dataSeedPolicy,
		@Schema(description = "accelerate's set_seed(device_specific=...): adds the process index (default false)",
				example = "false") Boolean deviceSpecific,
		@Schema(description = "The sampler's kind and arguments; without kind, the DistributedSampler's",
				implementation = SamplerSettings.class) @NotNull JsonNode sampler,
		@Schema(description = "Lightning's seed_everything(workers=True): every DataLoader worker is re-seeded by "
				+ "pl_worker_init_function (default false; framework lightning only)",
				example = "false") Boolean seedWorkers,
		@Schema(description = "Labels; keys at most 100 characters, values at most 200, at most 50 tags",
				example = "{\"team\": \"vision\"}") @Size(
						max = 50) Map<@NotBlank @Size(max = 100) @Pattern(regexp = "[^:]*",
								message = "must not contain ':'") String, @NotNull @Size(max = 200) String> tags){

	static final String VERSION = "[0-9]+(\\.[0-9]+){1,3}([.+-]?[A-Za-z0-9.+-]*)?";

	/** torch's Generator.manual_seed accepts -2^63 .. 2^64-1. */
	static final String MIN_SEED = "-9223372036854775808";

	static final String MAX_SEED = "18446744073709551615";

	static final String SEED_RANGE = "An integer from -2^63 (-9223372036854775808) to 2^64-1 (18446744073709551615), "
			+ "torch's accepted range; exact, never rounded";

}
