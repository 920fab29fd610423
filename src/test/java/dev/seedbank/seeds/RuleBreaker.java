package dev.seedbank.seeds;

import jakarta.persistence.Transient;

/**
 * Breaks {@code SEEDS_IS_PLAIN_JAVA} on purpose: a seed rule annotated for JPA. Not an
 * {@code @Entity}, which Hibernate would scan into every test context.
 */
final class RuleBreaker {

	@Transient
	long seed;

}
