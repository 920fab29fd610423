package dev.seedbank.sampling.timeline;

import java.math.BigInteger;
import java.util.function.Function;
import java.util.stream.LongStream;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;

/**
 * {@code DistributedSampler}'s lists of one epoch at any world size, over one
 * permutation: the permutation ({@code randperm(N)} seeded with {@code seed + epoch})
 * does not depend on the world size, and every world size's padded list is a prefix of
 * the same sequence, element {@code p} being {@code perm[p mod N]} (see
 * {@link SamplerPlan}). So the stream of the epoch at world size {@code W} is that
 * sequence cut at {@code num_samples(W) * W}, and the padding starts at {@code N}.
 */
public final class DistributedRankLists implements RankLists {

	private final SamplerParameters parameters;

	private final Function<PermutationKey, Permutation> permutations;

	private final java.util.Map<Integer, Long> lengths = new java.util.concurrent.ConcurrentHashMap<>();

	private Permutation permutation;

	private boolean computed;

	/**
	 * @param parameters the record's sampler arguments with this epoch (its world size is
	 * replaced by the one asked for)
	 * @param permutations computes or looks up a permutation, e.g.
	 * {@code Randperm::permutation}
	 */
	public DistributedRankLists(SamplerParameters parameters, Function<PermutationKey, Permutation> permutations) {
		this.parameters = parameters;
		this.permutations = permutations;
		SamplerPlan.of(parameters);
	}

	/**
	 * @param record the record's sampler arguments (its epoch is ignored)
	 * @param permutations computes or looks up a permutation
	 * @return the lists of every epoch
	 */
	public static RankListSource source(SamplerParameters record, Function<PermutationKey, Permutation> permutations) {
		return new LatestEpoch(record, permutations);
	}

	/**
	 * Keeps the lists of the epoch asked for last, so the segments, ranks and
	 * certificates of one epoch share one permutation even when {@code permutations}
	 * computes it afresh.
	 */
	private static final class LatestEpoch implements RankListSource {

		private final SamplerParameters record;

		private final Function<PermutationKey, Permutation> permutations;

		private DistributedRankLists latest;

		LatestEpoch(SamplerParameters record, Function<PermutationKey, Permutation> permutations) {
			this.record = record;
			this.permutations = permutations;
		}

		@Override
		public synchronized RankLists epoch(long epoch) {
			if (this.latest == null || !this.latest.parameters.epoch().equals(BigInteger.valueOf(epoch))) {
				SamplerParameters r = this.record;
				this.latest = new DistributedRankLists(new SamplerParameters(r.datasetSize(), r.worldSize(), epoch,
						r.seed(), r.shuffle(), r.dropLast(), r.torchVersion()), this.permutations);
			}
			return this.latest;
		}

	}

	SamplerPlan plan(int worldSize) {
		if (worldSize < 1) {
			throw new InvalidSamplerArgumentException("worldSize", "must be at least 1");
		}
		SamplerParameters p = this.parameters;
		return SamplerPlan.of(new SamplerParameters(p.datasetSize(), worldSize, p.epoch(), p.seed(), p.shuffle(),
				p.dropLast(), p.torchVersion()));
	}

	private synchronized Permutation permutation() {
		if (!this.computed) {
			this.permutation = plan(1).permutationKey().map(this.permutations).orElse(null);
			this.computed = true;
		}
		return this.permutation;
	}

	@Override
	public long datasetSize() {
		return this.parameters.datasetSize();
	}

	@Override
	public long length(int worldSize) {
		Long known = this.lengths.get(worldSize);
		if (known == null) {
			known = plan(worldSize).numSamples();
			this.lengths.put(worldSize, known);
		}
		return known;
	}

	@Override
	public long get(int worldSize, int rank, long k) {
		if (rank < 0 || rank >= worldSize) {
			throw new IndexOutOfBoundsException("rank " + rank + " of " + worldSize);
		}
		long n = length(worldSize);
		if (k < 0 || k >= n) {
			throw new IndexOutOfBoundsException("position " + k + " of " + n);
		}
		return element(rank + k * worldSize);
	}

	private long element(long padded) {
		Permutation perm = permutation();
		long p = padded % this.parameters.datasetSize();
		return (perm != null) ? perm.get(p) : p;
	}

	@Override
	public long paddingStart(int worldSize) {
		return this.parameters.datasetSize();
	}

	@Override
	public void copyStream(int worldSize, long from, int count, int[] target, int offset) {
		if (count == 0) {
			return;
		}
		// Only Coverage copies, and it refuses a dataset past one array first.
		int[] perm = (permutation() != null) ? permutation().intArray() : null;
		int n = (int) this.parameters.datasetSize();
		int p = (int) (from % n);
		int written = offset;
		int end = offset + count;
		while (written < end) {
			int run = Math.min(end - written, n - p);
			if (perm != null) {
				System.arraycopy(perm, p, target, written, run);
			}
			else {
				for (int i = 0; i < run; i++) {
					target[written + i] = p + i;
				}
			}
			written += run;
			p = 0;
		}
	}

	@Override
	public long[] positionsOf(int worldSize, int rank, long index) {
		long n = this.parameters.datasetSize();
		if (index < 0 || index >= n) {
			return new long[0];
		}
		Permutation perm = permutation();
		long first = index;
		if (perm != null) {
			first = -1;
			for (long p = 0; p < n; p++) {
				if (perm.get(p) == index) {
					first = p;
					break;
				}
			}
		}
		long total = length(worldSize) * worldSize;
		LongStream.Builder found = LongStream.builder();
		for (long padded = first; padded < total; padded += n) {
			if (padded % worldSize == rank) {
				found.add(padded / worldSize);
			}
		}
		return found.build().toArray();
	}

}
