/**
 * The run-timeline arithmetic: a run's segments (restarts, possibly at another world
 * size), what each rank reads in each, coverage of an epoch, step provenance, certificate
 * judgement, the resume audit and the disjointness lint, over any sampler's rank lists.
 * Plain Java; the {@code timeline} feature stores and serves it.
 */
package dev.seedbank.sampling.timeline;
