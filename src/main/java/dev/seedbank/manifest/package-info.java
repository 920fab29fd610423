/**
 * Seed manifests, worker seeds, randperm variants and run comparison over HTTP: computed
 * from an experiment's snapshot and the {@code seeds} rules on every request, never
 * stored, so this package holds no persistence and reads experiments only through
 * {@code ExperimentService}.
 */
package dev.seedbank.manifest;
