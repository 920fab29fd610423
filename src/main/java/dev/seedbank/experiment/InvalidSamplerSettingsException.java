package dev.seedbank.experiment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record's {@code sampler} object that cannot be stored: unknown fields for its kind,
 * values of the wrong type or out of range. Every entry names the field as the request
 * spells it ({@code sampler.numShards}); the web layer answers a 400 listing them all.
 */
public class InvalidSamplerSettingsException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidSamplerSettingsException(List<Violation> violations) {
		super(violations.stream().map((v) -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), null,
				false, false);
		this.violations = List.copyOf(violations);
	}

	/**
	 * @return what is wrong, field by field, in the order found
	 */
	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One bad field.
	 *
	 * @param field the field, e.g. {@code sampler.shardSizes}
	 * @param message what is wrong with it
	 */
	public record Violation(String field, String message) {
	}

}
