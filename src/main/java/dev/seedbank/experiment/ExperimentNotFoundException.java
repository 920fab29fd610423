package dev.seedbank.experiment;

import java.util.UUID;

/** No experiment has the id a request named; the web layer answers 404. */
public class ExperimentNotFoundException extends RuntimeException {

	private final UUID id;

	ExperimentNotFoundException(UUID id) {
		super("No experiment with id " + id, null, false, false);
		this.id = id;
	}

	public UUID id() {
		return this.id;
	}

}
