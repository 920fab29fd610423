package dev.seedbank.experiment.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on experiment records.
 *
 * @param maxDatasetSize the largest {@code sampler.datasetSize} accepted; torch's sampler
 * indexes with int64, seedbank keeps a permutation in at most 5 bytes a sample, so 2^40
 * (the order endpoints also refuse a permutation larger than the memory budget)
 */
@ConfigurationProperties("seedbank.experiments")
record ExperimentSettings(@DefaultValue("1099511627776") long maxDatasetSize) {
}
