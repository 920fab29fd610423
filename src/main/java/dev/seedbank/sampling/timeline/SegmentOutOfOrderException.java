package dev.seedbank.sampling.timeline;

import dev.seedbank.sampling.SamplingException;

/** A segment that does not start at or after the previous one: a conflict (409). */
public class SegmentOutOfOrderException extends SamplingException {

	public SegmentOutOfOrderException(String message) {
		super(message);
	}

}
