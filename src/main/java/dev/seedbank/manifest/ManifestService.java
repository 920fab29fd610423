package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.seeds.ComparedExperiment;
import dev.seedbank.seeds.EpochWorkerSeeds;
import dev.seedbank.seeds.FrameworkRules;
import dev.seedbank.seeds.LightningWorkerSeeds;
import dev.seedbank.seeds.RankSeeds;
import dev.seedbank.seeds.SamplerCalls;
import dev.seedbank.seeds.SeedComparison;
import dev.seedbank.seeds.SeedComparisons;
import dev.seedbank.seeds.SeedManifest;
import dev.seedbank.seeds.SeedManifests;
import dev.seedbank.seeds.SeedRequest;
import dev.seedbank.seeds.WorkerSeeds;

import org.springframework.stereotype.Service;

/**
 * The seeds engine over experiment records: manifests, worker seeds and comparisons, so
 * the controllers only parse and render. Throws the engine's own exceptions
 * ({@code SeedRuleException}, {@code InvalidSamplerArgumentException}), which the web
 * layer maps to problems.
 */
@Service
class ManifestService {

	/** Most ranks in one manifest response; a world of 10^6 ranks is read in pages. */
	static final int MAX_RANKS_PER_PAGE = 4096;

	/** Most per-rank process seed differences listed; the count covers them all. */
	static final int MAX_LISTED_DIFFERENCES = 1000;

	private final ExperimentService experiments;

	ManifestService(ExperimentService experiments) {
		this.experiments = experiments;
	}

	/**
	 * One page of a record's manifest.
	 * 
	 * @param experiment the record
	 * @param manifest the ranks of the page
	 * @param fromRank the page's first rank
	 * @param toRank one past its last
	 */
	record Page(ExperimentSnapshot experiment, SeedManifest manifest, int fromRank, int toRank) {
	}

	/**
	 * @param id the record
	 * @param fromRank the first rank
	 * @param toRank one past the last, or {@code null} for a whole page
	 * @return the page
	 */
	Page manifest(UUID id, int fromRank, Integer toRank) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		int end = (toRank != null) ? toRank
				: (int) Math.min(experiment.worldSize(), (long) fromRank + MAX_RANKS_PER_PAGE);
		// fromRank first: a negative one would otherwise be reported as too long a page.
		if (fromRank < 0) {
			throw new InvalidSamplerArgumentException("fromRank", "must be in [0, " + experiment.worldSize() + ")");
		}
		if ((long) end - fromRank > MAX_RANKS_PER_PAGE) {
			throw new InvalidSamplerArgumentException("toRank", "a page holds at most " + MAX_RANKS_PER_PAGE
					+ " ranks; ask for toRank at most " + ((long) fromRank + MAX_RANKS_PER_PAGE));
		}
		SeedRequest request = ExperimentSeeds.request(experiment);
		SeedManifest plain = SeedManifests.forRanks(id.toString(), request, experiment.shuffle(), experiment.dropLast(),
				fromRank, end);
		boolean distributed = experiment.sampler() instanceof DistributedSpec;
		// The distributed notes speak of DistributedSampler and its default seed; another
		// kind keeps only what holds for it.
		List<String> notes = distributed ? plain.notes()
				: experiment.effectiveDataSeed().equals(experiment.globalSeed()) ? List.of()
						: List.of("The sampler seed " + experiment.effectiveDataSeed()
								+ " differs from the global seed " + experiment.globalSeed()
								+ ": changing the global seed alone does not change the data order.");
		SeedManifest manifest = new SeedManifest(plain.experimentId(), plain.framework(), plain.frameworkVersion(),
				plain.torchVersion(), plain.globalSeed(), experiment.effectiveDataSeed(),
				experiment.effectiveDataSeedReason(), plain.shuffle(), plain.dropLast(), plain.worldSize(), notes,
				plain.source(), plain.ranks().stream().map((seeds) -> ofRecord(experiment, request, seeds)).toList());
		return new Page(experiment, manifest, fromRank, end);
	}

	/**
	 * One rank's seeds.
	 * 
	 * @param experiment the record
	 * @param seeds the rank's seeds
	 */
	record Rank(ExperimentSnapshot experiment, RankSeeds seeds) {
	}

	/**
	 * @param id the record
	 * @param rank the global rank
	 * @return the rank's seeds, as the record's sampler kind and workers use them
	 */
	Rank rank(UUID id, int rank) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		return new Rank(experiment, rankSeeds(experiment, rank));
	}

	/**
	 * @param id the record
	 * @param rank the global rank
	 * @param loader the rank's loader
	 * @return the seeds of its workers in that epoch
	 */
	EpochWorkerSeeds workers(UUID id, int rank, LoaderWorkers loader) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		RankSeeds seeds = rankSeeds(experiment, rank);
		TorchVersion torch = experiment.torch();
		EpochWorkerSeeds workers;
		if (experiment.sampler() instanceof RandomSpec random && random.dataLoader()) {
			// The loader and its RandomSampler share one generator: every epoch's sampler
			// draws move the next base seed, and persistent workers keep the first one.
			workers = WorkerSeeds.forShufflingLoader(seeds.loaderSeed(), loader.epoch(), loader.numWorkers(),
					loader.persistentWorkers(), random.datasetSize(), random.replacement(), random.numSamples(), torch);
		}
		else {
			workers = WorkerSeeds.forEpoch(seeds.loaderSeed(), loader.epoch(), loader.numWorkers(),
					loader.persistentWorkers(), torch.release());
		}
		if (experiment.seedWorkers()) {
			workers = LightningWorkerSeeds.afterWorkerInit(workers, rank, experiment.frameworkVersion().version());
		}
		return workers;
	}

	/**
	 * Worker seeds without a record.
	 * @param loaderSeed the loader generator's {@code manual_seed}, in torch's range
	 * @param loader the loader
	 * @param datasetSize {@code len(dataset)} when the loader shuffles, else {@code null}
	 * @param torch the torch release
	 * @return the workers' seeds
	 */
	EpochWorkerSeeds workers(BigInteger loaderSeed, LoaderWorkers loader, Long datasetSize, TorchVersion torch) {
		return (datasetSize != null)
				? WorkerSeeds.forShufflingLoader(loaderSeed, loader.epoch(), loader.numWorkers(),
						loader.persistentWorkers(), datasetSize, false, null, torch)
				: WorkerSeeds.forEpoch(loaderSeed, loader.epoch(), loader.numWorkers(), loader.persistentWorkers(),
						torch.release());
	}

	/**
	 * Two records compared.
	 * 
	 * @param left one record
	 * @param right the other
	 * @param seeds what differs and whether the data order is the same
	 * @param listed the first {@link #MAX_LISTED_DIFFERENCES} ranks whose process seeds
	 * differ
	 */
	record Comparison(ExperimentSnapshot left, ExperimentSnapshot right, SeedComparison seeds,
			List<ProcessSeeds> listed) {
	}

	/**
	 * @param rank the global rank
	 * @param left the left record's process seed
	 * @param right the right record's
	 */
	record ProcessSeeds(int rank, BigInteger left, BigInteger right) {
	}

	/**
	 * @param left one record's id
	 * @param right the other's
	 * @return the comparison
	 */
	Comparison compare(UUID left, UUID right) {
		ExperimentSnapshot leftExperiment = this.experiments.get(left);
		ExperimentSnapshot rightExperiment = this.experiments.get(right);
		ComparedExperiment leftSeeds = ExperimentSeeds.compared(leftExperiment);
		ComparedExperiment rightSeeds = ExperimentSeeds.compared(rightExperiment);
		SeedComparison comparison = SeedComparisons.compare(leftSeeds, rightSeeds);
		if (SamplerComparison.applies(leftExperiment, rightExperiment)) {
			comparison = SamplerComparison.compare(leftExperiment, rightExperiment, comparison);
		}
		List<ProcessSeeds> listed = comparison.ranksWithDifferentProcessSeeds()
			.stream()
			.limit(MAX_LISTED_DIFFERENCES)
			.map((rank) -> new ProcessSeeds(rank, FrameworkRules.processSeed(leftSeeds.seeds(), rank),
					FrameworkRules.processSeed(rightSeeds.seeds(), rank)))
			.toList();
		return new Comparison(leftExperiment, rightExperiment, comparison, listed);
	}

	private static RankSeeds rankSeeds(ExperimentSnapshot experiment, int rank) {
		SeedRequest request = ExperimentSeeds.request(experiment);
		return ofRecord(experiment, request, SeedManifests.forRank(experiment.id().toString(), request,
				experiment.shuffle(), experiment.dropLast(), rank));
	}

	/**
	 * The distributed seeds of a rank, as the record's sampler kind and workers use them.
	 */
	private static RankSeeds ofRecord(ExperimentSnapshot experiment, SeedRequest request, RankSeeds seeds) {
		RankSeeds ofKind = SamplerCalls.of(seeds, experiment.sampler(), experiment.effectiveDataSeed());
		return experiment.seedWorkers() ? SeedManifests.seedingWorkers(ofKind, request) : ofKind;
	}

}
