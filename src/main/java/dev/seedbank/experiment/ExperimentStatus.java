package dev.seedbank.experiment;

/** Records are archived, never deleted. */
public enum ExperimentStatus {

	ACTIVE, ARCHIVED

}
