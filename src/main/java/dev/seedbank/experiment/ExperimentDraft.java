package dev.seedbank.experiment;

import java.math.BigInteger;
import java.util.Map;

import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;

/**
 * A validated request to record a new experiment.
 *
 * @param name unique name
 * @param description free text, may be {@code null}
 * @param framework training framework
 * @param frameworkVersion its version
 * @param torchVersion torch's version
 * @param globalSeed the run's global seed
 * @param dataSeed the explicit data seed, or {@code null}
 * @param dataSeedPolicy how the data seed was chosen
 * @param deviceSpecific accelerate's {@code set_seed(device_specific=...)}
 * @param sampler the sampler's kind and settings
 * @param seedWorkers Lightning's {@code seed_everything(workers=True)}
 * @param tags free key-value labels
 */
public record ExperimentDraft(String name, String description, Framework framework, FrameworkRelease frameworkVersion,
		TorchRelease torchVersion, BigInteger globalSeed, BigInteger dataSeed, DataSeedPolicy dataSeedPolicy,
		boolean deviceSpecific, SamplerSpec sampler, boolean seedWorkers, Map<String, String> tags) {

	/**
	 * @return the number of ranks (processes, shards) the sampler serves
	 */
	public int worldSize() {
		return Math.toIntExact(this.sampler.ranks());
	}

}
