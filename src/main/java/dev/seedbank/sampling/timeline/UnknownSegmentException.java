package dev.seedbank.sampling.timeline;

import dev.seedbank.sampling.SamplingException;

/** A segment number the run's history does not hold, named in a path: a 404. */
public class UnknownSegmentException extends SamplingException {

	public UnknownSegmentException(String message) {
		super(message);
	}

}
