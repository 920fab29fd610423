package dev.seedbank.seeds;

import jakarta.persistence.Entity;

/** Breaks {@code SEEDS_IS_PLAIN_JAVA} on purpose: a seed rule stored through JPA. */
@Entity
class RuleBreaker {

}
