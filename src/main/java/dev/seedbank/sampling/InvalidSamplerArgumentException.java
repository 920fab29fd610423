package dev.seedbank.sampling;

/** An argument outside what torch or seedbank accepts; names the argument. */
public class InvalidSamplerArgumentException extends SamplingException {

	private final String parameter;

	public InvalidSamplerArgumentException(String parameter, String message) {
		super(parameter + ": " + message);
		this.parameter = parameter;
	}

	/**
	 * @return the argument's name as the API spells it, e.g. {@code worldSize}
	 */
	public String parameter() {
		return this.parameter;
	}

}
