/**
 * Seed policy and framework rules: how a run's global seed and data seed relate
 * ({@code DataSeedPolicies}), what each framework release does with them
 * ({@code FrameworkRules}, on {@code sampling.ReleaseVersion}), the seed manifest of
 * every rank and DataLoader worker ({@code SeedManifests}, {@code WorkerSeeds},
 * {@code LightningWorkerSeeds}) and the comparison of two runs' seeds. Plain Java on the
 * engine only; the manifest endpoints live in {@code manifest}.
 */
package dev.seedbank.seeds;
