package dev.seedbank.sampling.timeline;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * One stretch of a run: it (re)started at stream position {@code startSample} of
 * {@code startEpoch} on {@code worldSize} ranks. Segment 0 is the record itself.
 *
 * @param index the segment's number, 0 for the record
 * @param worldSize the ranks it ran on
 * @param startEpoch the epoch it started in
 * @param startSample the stream position of {@code startEpoch} it started at: the samples
 * of the epoch the job had consumed, as a checkpoint counts them
 * @param resume how it picked up {@code startEpoch}
 * @param batchSize per-rank batch size, {@code null} when not recorded
 * @param gradientAccumulation batches per optimizer step
 */
public record Segment(int index, int worldSize, long startEpoch, long startSample, Resume resume, Integer batchSize,
		int gradientAccumulation) {

	public Segment {
		if (index < 0) {
			throw new InvalidSamplerArgumentException("segment", "must not be negative");
		}
		if (worldSize < 1) {
			throw new InvalidSamplerArgumentException("worldSize", "must be at least 1");
		}
		if (startEpoch < 0) {
			throw new InvalidSamplerArgumentException("startEpoch", "must not be negative");
		}
		if (startSample < 0) {
			throw new InvalidSamplerArgumentException("startSample", "must not be negative");
		}
		if (resume == null) {
			throw new InvalidSamplerArgumentException("resume", "must be torch or exact");
		}
		if (batchSize != null && batchSize < 1) {
			throw new InvalidSamplerArgumentException("batchSize", "must be at least 1");
		}
		if (gradientAccumulation < 1) {
			throw new InvalidSamplerArgumentException("gradientAccumulation", "must be at least 1");
		}
	}

	/**
	 * @param worldSize the record's world size
	 * @param batchSize the record's per-rank batch size, or {@code null}
	 * @param gradientAccumulation the record's gradient accumulation
	 * @return segment 0: epoch 0, position 0
	 */
	public static Segment record(int worldSize, Integer batchSize, int gradientAccumulation) {
		return new Segment(0, worldSize, 0, 0, Resume.EXACT, batchSize, gradientAccumulation);
	}

	/**
	 * @param other another segment
	 * @return whether this one starts strictly before the other
	 */
	boolean startsBefore(Segment other) {
		return this.startEpoch < other.startEpoch
				|| (this.startEpoch == other.startEpoch && this.startSample < other.startSample);
	}

}
