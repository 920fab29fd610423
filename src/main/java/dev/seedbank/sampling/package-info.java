/**
 * The engine: torch-exact random numbers ({@code MersenneTwister}, {@code Randperm} and
 * its per-release variants), the samplers that turn them into orders
 * ({@code SeedableRandomSampler}, {@code RankOrder}, {@code BatchSamplerShard},
 * {@code AcceleratePreparedLoader}), their typed settings ({@code SamplerSpec}) and the
 * "library would raise" errors. Plain Java with no Spring, JPA or Jackson, and nothing
 * from the packages above it, so it could be lifted out as a library; subpackages hold
 * the other libraries' generators (NumPy, Hugging Face datasets, MosaicML Streaming) and
 * the run-timeline arithmetic.
 */
package dev.seedbank.sampling;
