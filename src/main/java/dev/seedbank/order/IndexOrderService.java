package dev.seedbank.order;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.RankLists;
import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.streaming.StreamingEpochOrder;
import dev.seedbank.sampling.streaming.StreamingRelease;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Resolves a rank's order: the plan from the engine, the permutation from the shared
 * cache, the digest from its own small cache (hashing a rank's list costs a pass over it;
 * every page of every format reports the digest of the whole list).
 */
@Service
public class IndexOrderService {

	/** Digests are 64 hex characters; a hundred thousand of them is a few MiB. */
	private static final int MAX_DIGESTS = 100_000;

	/**
	 * Neighbouring ranks digested together: position k of 16 ranks is one 64-byte cache
	 * line of the permutation ({@link RankOrder#sha256(List)}).
	 */
	private static final int DIGEST_GROUP = 16;

	/**
	 * Recorded experiments by id; ten thousand snapshots are a few MiB. Only their
	 * replay-defining fields are read here, and those never change, so an entry never
	 * goes stale, and slices of an experiment already asked for are served while the
	 * database is away.
	 */
	private static final int MAX_RECORDS = 10_000;

	/** Worlds whose demand is tracked: a few hundred bytes each. */
	private static final int MAX_WORLDS = 10_000;

	/** Budget of {@link #specDigests}: 16 MiB. */
	private static final long MAX_SPEC_DIGEST_BYTES = 16L << 20;

	/** An entry of a digest cache without its spec: key record, hex string, map node. */
	private static final long DIGEST_ENTRY_BYTES = 256;

	private final PermutationCache permutations;

	private final ExperimentService experiments;

	private final OrderSettings settings;

	/**
	 * The digests of a group of ranks by the group's first rank, computed once however
	 * many of its ranks ask at the same time. A future, computed outside the map: a
	 * computation inside Caffeine's {@code get} holds a lock of the underlying map, which
	 * 1,024 ranks asking at once turned into a queue behind unrelated groups.
	 */
	private final Cache<DigestKey, CompletableFuture<String[]>> digests = Caffeine.newBuilder()
		.maximumSize(MAX_DIGESTS / DIGEST_GROUP)
		.build();

	/**
	 * Digests by what the order depends on, weighed with their keys: a Streaming key
	 * holds its shard sizes (400 KiB for 50,000 shards), so a count alone would not bound
	 * it.
	 */
	private final Cache<SpecKey, String> specDigests = Caffeine.newBuilder()
		.maximumWeight(MAX_SPEC_DIGEST_BYTES)
		.weigher((SpecKey key, String sha256) -> (int) Math.min(Integer.MAX_VALUE, DIGEST_ENTRY_BYTES + key.bytes()))
		.build();

	/**
	 * Weighed in KiB, 4 per record plus its sampler's shard sizes (a streaming record of
	 * 50,000 shards holds 400 KiB of them), so the budget is MAX_RECORDS plain records.
	 */
	private final Cache<UUID, ExperimentSnapshot> records = Caffeine.newBuilder()
		.maximumWeight(MAX_RECORDS * 4L)
		.weigher((UUID id,
				ExperimentSnapshot record) -> 4 + ((record.sampler() instanceof StreamingSpec s)
						? (int) Math.min(Integer.MAX_VALUE / 2, s.shardSizes().length / 128) : 0))
		.build();

	/**
	 * Which groups of ranks asked for a world's lists: a world's rank-major copy
	 * ({@link RankLists}) is made once a second group asks, never for one rank alone.
	 */
	private final Cache<WorldKey, Demand> demand = Caffeine.newBuilder().maximumSize(MAX_WORLDS).build();

	private final Counter rankListsMade;

	IndexOrderService(PermutationCache permutations, ExperimentService experiments, OrderSettings settings,
			MeterRegistry registry) {
		this.permutations = permutations;
		this.experiments = experiments;
		this.settings = settings;
		this.rankListsMade = Counter.builder("seedbank.permutations.rank-lists")
			.description("Worlds whose rank lists were copied rank-major out of their permutation")
			.register(registry);
	}

	/**
	 * @param parameters the sampler's arguments
	 * @param rank the rank
	 * @return the rank's order
	 */
	public RankSlice slice(SamplerParameters parameters, int rank) {
		SamplerPlan plan = SamplerPlan.of(parameters);
		PermutationKey key = plan.permutationKey().orElse(null);
		WorldKey world = RankLists.applies(plan)
				? new WorldKey(key, parameters.datasetSize(), parameters.worldSize(), parameters.dropLast()) : null;
		// Noted before the permutation is waited for, so the ranks of a job start that
		// wait for it together all see each other when it is ready.
		Demand demand = (world != null) ? noteDemand(world, rank / DIGEST_GROUP) : null;
		Permutation permutation = (key != null) ? this.permutations.get(key) : null;
		if (demand != null && demand.crowded) {
			RankLists lists = this.permutations.orderIfRoom(world, RankLists.bytesFor(plan), key,
					() -> rankLists(plan, permutation));
			if (lists != null) {
				return RankSlice.torch(lists.rank(rank), lists.sha256(rank), parameters.torchVersion());
			}
		}
		RankOrder order = plan.rank(rank, permutation);
		int first = rank - rank % DIGEST_GROUP;
		DigestKey digestKey = new DigestKey(key, parameters.datasetSize(), parameters.worldSize(),
				parameters.dropLast(), first);
		String[] group = groupDigests(digestKey, plan, permutation);
		return RankSlice.torch(order, group[rank - first], parameters.torchVersion());
	}

	/** Notes that a group of ranks of a world asked; crowded once a second group has. */
	private Demand noteDemand(WorldKey world, int group) {
		Demand demand = this.demand.get(world, (ignored) -> new Demand(group));
		if (!demand.crowded && demand.firstGroup != group) {
			demand.crowded = true;
		}
		return demand;
	}

	private RankLists rankLists(SamplerPlan plan, Permutation permutation) {
		RankLists lists = RankLists.of(plan, permutation);
		this.rankListsMade.increment();
		return lists;
	}

	/** The digests of the group of ranks {@code key.firstRank()} belongs to, once. */
	private String[] groupDigests(DigestKey key, SamplerPlan plan, Permutation permutation) {
		CompletableFuture<String[]> mine = new CompletableFuture<>();
		CompletableFuture<String[]> group = this.digests.asMap().putIfAbsent(key, mine);
		if (group != null) {
			return group.join();
		}
		try {
			int last = Math.min(key.worldSize(), key.firstRank() + DIGEST_GROUP);
			List<RankOrder> orders = new ArrayList<>(last - key.firstRank());
			for (int r = key.firstRank(); r < last; r++) {
				orders.add(plan.rank(r, permutation));
			}
			String[] digests = RankOrder.sha256(orders);
			mine.complete(digests);
			return digests;
		}
		catch (RuntimeException | Error ex) {
			this.digests.asMap().remove(key, mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * A rank's order for any sampler's settings.
	 * @param spec the sampler's settings
	 * @param seed its seed
	 * @param epoch the epoch
	 * @param rank the rank, process index or shard index, in [0, spec.ranks())
	 * @param torchVersion the torch release, for the samplers that draw from torch
	 * @return the order, its digest and the releases applied
	 */
	public RankSlice slice(SamplerSpec spec, BigInteger seed, long epoch, int rank, TorchVersion torchVersion) {
		if (spec instanceof DistributedSpec distributed) {
			return slice(new SamplerParameters(distributed.datasetSize(), distributed.worldSize(), epoch, seed,
					distributed.shuffle(), distributed.dropLast(), torchVersion), rank);
		}
		if (spec instanceof StreamingSpec streaming) {
			return slice(streaming, seed, epoch, rank, 0);
		}
		requireRank(spec, rank);
		SpecKey key = new SpecKey(spec, seed, epoch, rank, 0, torchVersion);
		// accelerate's order is a view over the shared permutation, which the budget
		// holds.
		IndexOrder order = (spec instanceof AccelerateSpec)
				? spec.order(seed, epoch, rank, torchVersion, this.permutations::get)
				: this.permutations.order(key, OrderBytes.of(spec), describe(spec),
						() -> spec.order(seed, epoch, rank, torchVersion, this.permutations::get));
		String sha256 = this.specDigests.get(key, (ignored) -> order.sha256());
		return new RankSlice(order, sha256, releases(spec, torchVersion));
	}

	/**
	 * A rank's Streaming order resumed mid-epoch: Streaming's partition depends on
	 * {@code sample_in_epoch} (it is {@code drop_first}), so it is part of the cache key.
	 * No torch release is involved.
	 * @param spec the dataset and run
	 * @param seed {@code shuffle_seed}
	 * @param epoch the epoch
	 * @param rank the global rank, in [0, spec.ranks())
	 * @param sampleInEpoch the resume position over all ranks
	 * @return the order, its digest and the Streaming release
	 */
	public RankSlice slice(StreamingSpec spec, BigInteger seed, long epoch, int rank, long sampleInEpoch) {
		requireRank(spec, rank);
		SpecKey key = new SpecKey(spec, seed, epoch, rank, sampleInEpoch, null);
		IndexOrder order = this.permutations.order(key, OrderBytes.of(spec), describe(spec),
				() -> StreamingEpochOrder.of(spec.arguments(seed, epoch, rank, sampleInEpoch)));
		String sha256 = this.specDigests.get(key, (ignored) -> order.sha256());
		return new RankSlice(order, sha256, releases(spec, null));
	}

	private static String describe(SamplerSpec spec) {
		return "A " + spec.kind() + " order over " + spec.datasetSize() + " samples";
	}

	private static void requireRank(SamplerSpec spec, int rank) {
		if (rank < 0 || rank >= spec.ranks()) {
			throw new InvalidSamplerArgumentException("rank", "must be in [0, " + spec.ranks() + ")");
		}
	}

	private static Map<String, String> releases(SamplerSpec spec, TorchVersion torchVersion) {
		if (spec instanceof HfDatasetsSpec hf) {
			return Map.of("Seedbank-Datasets-Version", hf.datasetsVersion().release());
		}
		if (spec instanceof StreamingSpec streaming) {
			return Map.of("Seedbank-Streaming-Version", StreamingRelease.parse(streaming.streamingVersion()));
		}
		Map<String, String> headers = new LinkedHashMap<>(RankSlice.torchHeaders(torchVersion));
		if (spec instanceof AccelerateSpec accelerate) {
			headers.put("Seedbank-Accelerate-Version", accelerate.accelerateVersion().toString());
		}
		return headers;
	}

	/**
	 * A rank's order for a recorded experiment: its sampler settings, torch version and
	 * effective data seed. Epoch e+1 is prefetched when configured, so the next epoch is
	 * ready before the ranks ask.
	 * @param id the experiment
	 * @param epoch the epoch
	 * @param rank the rank
	 * @return the rank's order
	 */
	public RankSlice slice(UUID id, long epoch, int rank) {
		ExperimentSnapshot experiment = this.records.get(id, this.experiments::get);
		if (!(experiment.sampler() instanceof DistributedSpec)) {
			return slice(experiment.sampler(), experiment.effectiveDataSeed(), epoch, rank, experiment.torch());
		}
		SamplerParameters parameters = parameters(experiment, epoch);
		RankSlice slice = slice(parameters, rank);
		if (this.settings.prefetchNextEpoch() && epoch < Long.MAX_VALUE) {
			prefetch(parameters(experiment, epoch + 1), SamplerPlan.of(parameters).permutationKey().orElse(null));
		}
		return slice;
	}

	private void prefetch(SamplerParameters next, PermutationKey current) {
		try {
			SamplerPlan.of(next).permutationKey().ifPresent((key) -> this.permutations.prefetch(key, current));
		}
		catch (RuntimeException ex) {
			// The next epoch may be one torch refuses (seed + epoch overflow): nothing to
			// warm.
		}
	}

	static SamplerParameters parameters(ExperimentSnapshot experiment, long epoch) {
		DistributedSpec sampler = (DistributedSpec) experiment.sampler();
		return new SamplerParameters(sampler.datasetSize(), sampler.worldSize(), epoch, experiment.effectiveDataSeed(),
				sampler.shuffle(), sampler.dropLast(), experiment.torch());
	}

	/**
	 * What a non-torch-permutation order depends on; {@code torchVersion} is {@code null}
	 * for Streaming, which draws nothing from torch.
	 */
	private record SpecKey(SamplerSpec spec, BigInteger seed, long epoch, int rank, long sampleInEpoch,
			TorchVersion torchVersion) {

		/** Bytes the key holds beyond a few fields: a Streaming spec's shard sizes. */
		long bytes() {
			return (this.spec instanceof StreamingSpec streaming) ? 8L * streaming.shardSizes().length : 0;
		}

	}

	/** Everything a world's rank-major copy depends on. */
	private record WorldKey(PermutationKey permutation, long datasetSize, int worldSize, boolean dropLast) {
	}

	/** The first group of ranks of a world to ask, and whether another one has since. */
	private static final class Demand {

		final int firstGroup;

		volatile boolean crowded;

		Demand(int firstGroup) {
			this.firstGroup = firstGroup;
		}

	}

	/** What a group of ranks' lists depend on besides the permutation. */
	private record DigestKey(PermutationKey permutation, long datasetSize, int worldSize, boolean dropLast,
			int firstRank) {
	}

}
