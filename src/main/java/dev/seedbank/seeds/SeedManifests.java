package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.seeds.SeedRuleException.Kind;

/**
 * Builds seed manifests: what each rank seeds, and the framework calls that do it.
 */
public final class SeedManifests {

	private SeedManifests() {
	}

	/**
	 * @param experimentId the experiment, echoed in {@code SEEDBANK_EXPERIMENT_ID}
	 * @param request the declared seeds
	 * @param shuffle the sampler's {@code shuffle}
	 * @param dropLast the sampler's {@code drop_last}
	 * @return every rank's seeds
	 * @throws SeedRuleException when the declaration breaks a rule
	 */
	public static SeedManifest forExperiment(String experimentId, SeedRequest request, boolean shuffle,
			boolean dropLast) {
		return forRanks(experimentId, request, shuffle, dropLast, 0, request.worldSize());
	}

	/**
	 * The manifest restricted to the ranks {@code fromRank .. toRank - 1}, so that a
	 * world of a million ranks can be served a page at a time.
	 * @param experimentId the experiment, echoed in {@code SEEDBANK_EXPERIMENT_ID}
	 * @param request the declared seeds
	 * @param shuffle the sampler's {@code shuffle}
	 * @param dropLast the sampler's {@code drop_last}
	 * @param fromRank the first rank, in [0, worldSize)
	 * @param toRank one past the last rank, in (fromRank, worldSize]
	 * @return those ranks' seeds, with the experiment-wide fields
	 * @throws SeedRuleException when the declaration breaks a rule or the range is not
	 * inside [0, worldSize)
	 */
	public static SeedManifest forRanks(String experimentId, SeedRequest request, boolean shuffle, boolean dropLast,
			int fromRank, int toRank) {
		DataSeedDecision decision = DataSeedPolicies.decide(request);
		if (fromRank < 0 || fromRank >= request.worldSize()) {
			throw new SeedRuleException(Kind.INVALID, "fromRank",
					"fromRank " + fromRank + " is outside [0, " + request.worldSize() + ")");
		}
		if (toRank <= fromRank || toRank > request.worldSize()) {
			throw new SeedRuleException(Kind.INVALID, "toRank",
					"toRank " + toRank + " is outside (" + fromRank + ", " + request.worldSize() + "]");
		}
		List<RankSeeds> ranks = new ArrayList<>(toRank - fromRank);
		for (int rank = fromRank; rank < toRank; rank++) {
			ranks.add(rankSeeds(experimentId, request, decision, shuffle, dropLast, rank));
		}
		return new SeedManifest(experimentId, request.framework().wireName(), request.frameworkVersion().text(),
				request.torchVersion().text(), request.globalSeed(), decision.effectiveDataSeed(),
				decision.explanation(), shuffle, dropLast, request.worldSize(), notes(request, decision),
				FrameworkRules.of(request.framework()).source(), List.copyOf(ranks));
	}

	/**
	 * @param experimentId the experiment, echoed in {@code SEEDBANK_EXPERIMENT_ID}
	 * @param request the declared seeds
	 * @param shuffle the sampler's {@code shuffle}
	 * @param dropLast the sampler's {@code drop_last}
	 * @param rank the global rank, in [0, worldSize)
	 * @return that rank's seeds
	 * @throws SeedRuleException when the declaration breaks a rule or the rank is out of
	 * range
	 */
	public static RankSeeds forRank(String experimentId, SeedRequest request, boolean shuffle, boolean dropLast,
			int rank) {
		DataSeedDecision decision = DataSeedPolicies.decide(request);
		if (rank < 0 || rank >= request.worldSize()) {
			throw new SeedRuleException(Kind.INVALID, "rank",
					"rank " + rank + " is outside [0, " + request.worldSize() + ")");
		}
		return rankSeeds(experimentId, request, decision, shuffle, dropLast, rank);
	}

	private static RankSeeds rankSeeds(String experimentId, SeedRequest request, DataSeedDecision decision,
			boolean shuffle, boolean dropLast, int rank) {
		BigInteger processSeed = FrameworkRules.processSeed(request, rank);
		BigInteger samplerSeed = decision.effectiveDataSeed();
		BigInteger loaderSeed = processSeed;
		List<String> calls = List.of(seedCall(request), samplerCall(request, samplerSeed, shuffle, dropLast, rank),
				"DataLoader(dataset, sampler=sampler, generator=torch.Generator().manual_seed(" + loaderSeed + "))",
				"sampler.set_epoch(epoch)");
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SEEDBANK_EXPERIMENT_ID", String.valueOf(experimentId));
		env.put("SEEDBANK_FRAMEWORK", request.framework().wireName());
		env.put("SEEDBANK_GLOBAL_SEED", request.globalSeed().toString());
		env.put("SEEDBANK_PROCESS_SEED", processSeed.toString());
		env.put("SEEDBANK_DATA_SEED", samplerSeed.toString());
		env.put("SEEDBANK_LOADER_SEED", loaderSeed.toString());
		env.put("SEEDBANK_SHUFFLE", String.valueOf(shuffle));
		env.put("SEEDBANK_DROP_LAST", String.valueOf(dropLast));
		env.put("SEEDBANK_WORLD_SIZE", String.valueOf(request.worldSize()));
		env.put("SEEDBANK_RANK", String.valueOf(rank));
		return new RankSeeds(rank, processSeed, samplerSeed, samplerSeed + " + epoch", loaderSeed, calls,
				Collections.unmodifiableMap(env));
	}

	/**
	 * A rank's seeds when the record says {@code seedWorkers: true}: Lightning's
	 * {@code seed_everything(seed, workers=True)} sets {@code PL_SEED_WORKERS=1}, and the
	 * Trainer (or Fabric) then gives every DataLoader without a {@code worker_init_fn}
	 * {@code worker_init_fn=partial(pl_worker_init_function, rank=global_rank)}
	 * ({@code lightning/fabric/utilities/data.py}, {@code _auto_add_worker_init_fn});
	 * {@link LightningWorkerSeeds} gives the seeds the workers then end with.
	 * @param seeds the rank's seeds from {@link #forRank} or {@link #forRanks}
	 * @param request the declared seeds
	 * @return the same seeds, with the calls and {@code SEEDBANK_SEED_WORKERS} that seed
	 * the workers
	 * @throws SeedRuleException naming {@code seedWorkers} for a framework other than
	 * Lightning
	 */
	public static RankSeeds seedingWorkers(RankSeeds seeds, SeedRequest request) {
		if (request.framework() != Framework.LIGHTNING) {
			throw new SeedRuleException(Kind.INVALID, "seedWorkers",
					"seedWorkers is Lightning's seed_everything(workers=True); " + request.framework().wireName()
							+ " has no such switch");
		}
		List<String> calls = new ArrayList<>(seeds.calls().size());
		for (String call : seeds.calls()) {
			if (call.startsWith("seed_everything(")) {
				calls.add("seed_everything(" + request.globalSeed() + ", workers=True)");
			}
			else if (call.startsWith("DataLoader(") && call.endsWith(")")) {
				calls.add(call.substring(0, call.length() - 1)
						+ ", worker_init_fn=functools.partial(pl_worker_init_function, rank=" + seeds.rank() + "))");
			}
			else {
				calls.add(call);
			}
		}
		Map<String, String> env = new LinkedHashMap<>(seeds.env());
		env.put("SEEDBANK_SEED_WORKERS", "true");
		return new RankSeeds(seeds.rank(), seeds.processSeed(), seeds.samplerSeed(), seeds.samplerEpochSeed(),
				seeds.loaderSeed(), List.copyOf(calls), Collections.unmodifiableMap(env));
	}

	private static String seedCall(SeedRequest request) {
		BigInteger global = request.globalSeed();
		return switch (request.framework()) {
			case TORCH -> "torch.manual_seed(" + global + ")";
			case COMPOSER -> "Trainer(seed=" + global + ")";
			case ACCELERATE -> request.deviceSpecific() ? "set_seed(" + global + ", device_specific=True)"
					: "set_seed(" + global + ")";
			case LIGHTNING -> "seed_everything(" + global + ")";
		};
	}

	private static String samplerCall(SeedRequest request, BigInteger seed, boolean shuffle, boolean dropLast,
			int rank) {
		if (request.framework() == Framework.COMPOSER) {
			String seedArgument = FrameworkRules.of(Framework.COMPOSER)
				.samplerTakesSeed(request.frameworkVersion().version()) ? ", seed=" + seed : "";
			String dropLastArgument = dropLast ? ", drop_last=True" : "";
			return "sampler = dist.get_sampler(dataset, shuffle=" + python(shuffle) + seedArgument + dropLastArgument
					+ ")";
		}
		return "sampler = DistributedSampler(dataset, num_replicas=" + request.worldSize() + ", rank=" + rank
				+ ", shuffle=" + python(shuffle) + ", seed=" + seed + ", drop_last=" + python(dropLast) + ")";
	}

	private static String python(boolean value) {
		return value ? "True" : "False";
	}

	private static List<String> notes(SeedRequest request, DataSeedDecision decision) {
		List<String> notes = new ArrayList<>();
		switch (request.framework()) {
			case COMPOSER -> {
				notes.add("dist.get_sampler defaults to shuffle=False, unlike torch's DistributedSampler "
						+ "(shuffle=True): pass shuffle explicitly.");
				FrameworkRule rule = FrameworkRules.of(Framework.COMPOSER);
				if (!rule.samplerTakesSeed(request.frameworkVersion().version())) {
					notes.add("composer " + request.frameworkVersion() + " has no seed argument on dist.get_sampler "
							+ "(added in " + rule.samplerSeedSince() + "): its sampler is always seeded with 0.");
				}
				notes.add("The Trainer seeds rank r with " + request.globalSeed() + " + r (seed_all seeds python, "
						+ "NumPy, torch and CUDA).");
				if (request.globalSeed().signum() == 0) {
					notes.add("Composer releases before mosaicml/composer#2352 (merged 2023-07-06) treat seed=0 as no "
							+ "seed and draw a random one; the first release with the fix is not verified here.");
				}
			}
			case LIGHTNING -> notes.add("Without an explicit DistributedSampler, Lightning injects one seeded with "
					+ "PL_GLOBAL_SEED, which seed_everything sets to " + request.globalSeed() + ".");
			case ACCELERATE ->
				notes.add(request.deviceSpecific()
						? "set_seed(device_specific=True) adds the process index: rank r seeds with "
								+ request.globalSeed() + " + r."
						: "set_seed without device_specific gives every rank the same seed.");
			case TORCH -> notes
				.add("Every rank seeds with the same global seed; the DistributedSampler partitions " + "the data.");
		}
		if (!decision.effectiveDataSeed().equals(request.globalSeed())) {
			notes.add("The sampler seed " + decision.effectiveDataSeed() + " differs from the global seed "
					+ request.globalSeed() + ": changing the global seed alone does not change the data order.");
		}
		return List.copyOf(notes);
	}

}
