package dev.seedbank.manifest;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.seeds.ComparedExperiment;
import dev.seedbank.seeds.SeedRequest;

/**
 * Reads the seeding facts the seeds engine needs out of an experiment record, so that the
 * engine never sees the record itself.
 */
final class ExperimentSeeds {

	private ExperimentSeeds() {
	}

	static SeedRequest request(ExperimentSnapshot experiment) {
		return new SeedRequest(experiment.framework(), experiment.frameworkVersion(), experiment.torchVersion(),
				experiment.globalSeed(), experiment.dataSeed(), experiment.dataSeedPolicy(), experiment.worldSize(),
				experiment.deviceSpecific());
	}

	static ComparedExperiment compared(ExperimentSnapshot experiment) {
		return new ComparedExperiment(request(experiment), experiment.effectiveDataSeed(), experiment.datasetSize(),
				experiment.shuffle(), experiment.dropLast(),
				RandpermVariants.of(experiment.torch(), experiment.datasetSize()));
	}

}
