package dev.seedbank.sampling.timeline;

/** How a restarted run picks up an epoch it had started (API.md, "Run timeline"). */
public enum Resume {

	/**
	 * Each rank reads its own list at the new world size from
	 * {@code floor(startSample / worldSize)}: what a restarted torch loader that skips
	 * the consumed share does.
	 */
	TORCH,

	/**
	 * Rank {@code r} reads stream positions {@code startSample + r + i*worldSize}, the
	 * last round wrapping to the stream's start as torch pads: every sample as often as
	 * an uninterrupted run.
	 */
	EXACT

}
