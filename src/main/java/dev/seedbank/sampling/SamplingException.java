package dev.seedbank.sampling;

/** A sampler request the engine cannot answer with an order. */
public abstract class SamplingException extends RuntimeException {

	protected SamplingException(String message) {
		super(message, null, false, false);
	}

}
