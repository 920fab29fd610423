package dev.seedbank.experiment;

/** Experiment names are unique and this one is taken; the web layer answers 409. */
public class NameTakenException extends RuntimeException {

	private final String name;

	NameTakenException(String name) {
		super("An experiment named '" + name + "' already exists; experiment names are unique, so choose another name",
				null, false, false);
		this.name = name;
	}

	public String name() {
		return this.name;
	}

}
