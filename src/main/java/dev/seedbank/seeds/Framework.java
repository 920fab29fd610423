package dev.seedbank.seeds;

import java.util.Locale;

/**
 * The training frameworks whose seeding seedbank knows; JSON spells them in lower case.
 */
public enum Framework {

	TORCH, COMPOSER, ACCELERATE, LIGHTNING;

	/**
	 * @return the name used on the wire and in the database, e.g. {@code composer}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param wireName a lower-case framework name
	 * @return the framework
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static Framework fromWireName(String wireName) {
		for (Framework framework : values()) {
			if (framework.wireName().equals(wireName)) {
				return framework;
			}
		}
		throw new IllegalArgumentException("unknown framework '" + wireName + "'");
	}

}
