/**
 * The stored run timeline: restart segments and rank certificates posted for an
 * experiment, append-only, judged by the arithmetic in {@code sampling.timeline}.
 */
package dev.seedbank.timeline;
