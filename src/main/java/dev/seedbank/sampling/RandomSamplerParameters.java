package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * The arguments of {@code RandomSampler(range(datasetSize), replacement, num_samples,
 * generator=torch.Generator().manual_seed(seed))}, the 0-based count of {@code iter()}
 * calls before the one wanted, and whether a {@code DataLoader} iterates it.
 *
 * @param datasetSize {@code len(data_source)}
 * @param seed what the generator's {@code manual_seed} gets, any integer
 * @param epoch the wanted {@code iter()}: epoch e replays the draws of iterations 0 ..
 * e-1
 * @param numSamples {@code num_samples}, or {@code null} for torch's default
 * ({@code len(data_source)})
 * @param replacement {@code replacement}
 * @param dataLoader whether {@code DataLoader(range(datasetSize), batch_size=None,
 * sampler=that sampler, generator=the same generator)} iterates it, which draws its base
 * seed from the generator before the sampler draws; with the default {@code numSamples}
 * and no replacement that is exactly
 * {@code DataLoader(range(datasetSize), batch_size=None, shuffle=True, generator=...)}
 * @param torchVersion the torch release whose behaviour to reproduce
 */
public record RandomSamplerParameters(long datasetSize, BigInteger seed, long epoch, Long numSamples,
		boolean replacement, boolean dataLoader, TorchVersion torchVersion) {

	/**
	 * @return {@code num_samples} as the sampler reads it
	 */
	public long effectiveNumSamples() {
		return (this.numSamples != null) ? this.numSamples : this.datasetSize;
	}

}
