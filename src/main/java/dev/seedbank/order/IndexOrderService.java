package dev.seedbank.order;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.TorchVersion;

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
	 * Recorded experiments by id; ten thousand snapshots are a few MiB. Only their
	 * replay-defining fields are read here, and those never change, so an entry never
	 * goes stale, and slices of an experiment already asked for are served while the
	 * database is away.
	 */
	private static final int MAX_RECORDS = 10_000;

	private final PermutationCache permutations;

	private final ExperimentService experiments;

	private final OrderSettings settings;

	private final Cache<DigestKey, String> digests = Caffeine.newBuilder().maximumSize(MAX_DIGESTS).build();

	private final Cache<UUID, ExperimentSnapshot> records = Caffeine.newBuilder().maximumSize(MAX_RECORDS).build();

	IndexOrderService(PermutationCache permutations, ExperimentService experiments, OrderSettings settings) {
		this.permutations = permutations;
		this.experiments = experiments;
		this.settings = settings;
	}

	/**
	 * @param parameters the sampler's arguments
	 * @param rank the rank
	 * @return the rank's order
	 */
	public RankSlice slice(SamplerParameters parameters, int rank) {
		SamplerPlan plan = SamplerPlan.of(parameters);
		PermutationKey key = plan.permutationKey().orElse(null);
		RankOrder order = plan.rank(rank, (key != null) ? this.permutations.get(key) : null);
		DigestKey digestKey = new DigestKey(key, parameters.datasetSize(), parameters.worldSize(),
				parameters.dropLast(), rank);
		String sha256 = this.digests.get(digestKey, (ignored) -> order.sha256());
		return new RankSlice(order, sha256, parameters.torchVersion());
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
		return new SamplerParameters(experiment.datasetSize(), experiment.worldSize(), epoch,
				experiment.effectiveDataSeed(), experiment.shuffle(), experiment.dropLast(),
				TorchVersion.parse(experiment.torchVersion()));
	}

	/** What a rank's list depends on besides the permutation. */
	private record DigestKey(PermutationKey permutation, long datasetSize, int worldSize, boolean dropLast, int rank) {
	}

}
