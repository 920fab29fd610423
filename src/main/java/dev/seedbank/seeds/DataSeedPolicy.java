package dev.seedbank.seeds;

/** How an experiment's data (sampler) seed was chosen. */
public enum DataSeedPolicy {

	/** The data seed is the global seed. */
	LINKED,

	/** An explicit data seed, unrelated to the global seed. */
	INDEPENDENT,

	/** The explicit data seed when given, else the global seed. */
	HYBRID,

	/** Whatever the framework uses when the training code passes no data seed. */
	FRAMEWORK_DEFAULT

}
