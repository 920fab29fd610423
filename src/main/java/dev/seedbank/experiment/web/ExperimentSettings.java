package dev.seedbank.experiment.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on experiment records.
 *
 * @param maxDatasetSize the largest {@code sampler.datasetSize} accepted; torch's sampler
 * indexes with int64, seedbank keeps permutations as int[]
 */
@ConfigurationProperties("seedbank.experiments")
record ExperimentSettings(@DefaultValue("2147483647") long maxDatasetSize) {
}
