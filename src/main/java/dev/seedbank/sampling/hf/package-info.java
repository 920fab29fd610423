/**
 * Hugging Face {@code datasets}: {@code Dataset.shuffle(seed)} and
 * {@code Dataset.shard(...)} over NumPy's generator, per {@code datasets} release, as one
 * shard's order read without copying the permutation. Plain Java.
 */
package dev.seedbank.sampling.hf;
