package dev.seedbank.manifest;

import dev.seedbank.experiment.Experiment;
import dev.seedbank.experiment.RuleBreakerBack;
import jakarta.persistence.EntityManager;

/**
 * Breaks {@code FEATURES_MEET_ONLY_THROUGH_PUBLISHED_API} and
 * {@code MANIFEST_HOLDS_NO_PERSISTENCE} on purpose (a manifest loading the entity), and
 * with {@link RuleBreakerBack} {@code FEATURES_ARE_FREE_OF_CYCLES}.
 */
public final class RuleBreaker {

	private final EntityManager entities;

	RuleBreaker(EntityManager entities) {
		this.entities = entities;
	}

	Experiment load(Object id) {
		return this.entities.find(Experiment.class, id);
	}

	int one() {
		return RuleBreakerBack.one();
	}

}
