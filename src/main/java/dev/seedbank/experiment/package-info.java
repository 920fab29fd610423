/**
 * The experiment record, seedbank's system of record: the entity and its audit trail,
 * repositories, search specifications, idempotent create, amend with optimistic locking,
 * and {@code ExperimentService}, the published API other features use, which hands out
 * {@code ExperimentSnapshot}s, never the entity. The HTTP endpoints and bodies are in
 * {@code experiment.web}.
 */
package dev.seedbank.experiment;
