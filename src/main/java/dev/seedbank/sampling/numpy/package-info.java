/**
 * NumPy's {@code default_rng}: {@code SeedSequence}, the {@code PCG64} bit generator and
 * the bounded-integer draws and permutation a {@code Generator} makes, reproduced element
 * by element for the samplers built on NumPy. Plain Java.
 */
package dev.seedbank.sampling.numpy;
