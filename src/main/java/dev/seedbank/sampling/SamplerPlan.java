package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What {@code torch.utils.data.DistributedSampler} does for one set of arguments, across
 * releases (torch/utils/data/distributed.py at each tag):
 * <ul>
 * <li>{@code num_samples = ceil((N - W) / W)} when drop_last and {@code N % W != 0}, else
 * {@code ceil(N / W)}; {@code total = num_samples * W}.</li>
 * <li>With shuffle, {@code randperm(N)} from a generator seeded with {@code seed + epoch}
 * (1.5 had no {@code seed}: {@code epoch} alone); else {@code 0 .. N-1}. Both are Python
 * ints, never checked by the sampler: only their sum must be in {@code manual_seed}'s
 * range, and only with shuffle (so a negative epoch, one above 2^63, or any seed without
 * shuffle yields an order).</li>
 * <li>Without drop_last the list is padded from its start up to {@code total}; since 1.8
 * repeating it as often as needed, before 1.8 once, which fails torch's own length
 * assertion when the pad is longer than the list. With drop_last it is truncated.</li>
 * <li>Rank r takes {@code indices[r:total:W]}.</li>
 * </ul>
 * Both paddings make element {@code p} of the padded list the element {@code p mod N} of
 * the unpadded one, which is what {@link RankOrder} reads.
 */
public final class SamplerPlan {

	/**
	 * 2^40: a permutation keeps each sample in at most 5 bytes ({@link Permutation}), and
	 * no heap holds the 5 TiB of a longer one. Below that, only memory limits n: the
	 * order service refuses a permutation larger than its byte budget.
	 */
	static final long MAX_DATASET_SIZE = PermutationLayout.DEFAULT.maxLength();

	private final SamplerParameters parameters;

	private final long numSamples;

	private final PermutationKey permutationKey;

	private SamplerPlan(SamplerParameters parameters, long numSamples, PermutationKey permutationKey) {
		this.parameters = parameters;
		this.numSamples = numSamples;
		this.permutationKey = permutationKey;
	}

	/**
	 * @param parameters the sampler's arguments
	 * @return the plan
	 * @throws InvalidSamplerArgumentException for arguments out of range
	 * @throws TorchWouldRaiseException where the named release raises
	 */
	public static SamplerPlan of(SamplerParameters parameters) {
		long n = parameters.datasetSize();
		int w = parameters.worldSize();
		TorchVersion version = parameters.torchVersion();
		if (n < 0 || n > MAX_DATASET_SIZE) {
			throw new InvalidSamplerArgumentException("datasetSize", "must be between 0 and " + MAX_DATASET_SIZE);
		}
		if (w < 1) {
			throw new InvalidSamplerArgumentException("worldSize", "must be at least 1");
		}
		if (parameters.epoch() == null) {
			throw new InvalidSamplerArgumentException("epoch", "must be an integer");
		}
		BigInteger seed = parameters.seed();
		if (seed == null) {
			throw new InvalidSamplerArgumentException("seed", "must be an integer");
		}
		if (!version.isAtLeast(TorchVersion.SEED_ARGUMENT) && seed.signum() != 0) {
			throw new TorchWouldRaiseException(version,
					"TypeError: __init__() got an unexpected keyword argument 'seed' (DistributedSampler takes a seed from 1.6.0)");
		}
		if (!version.isAtLeast(TorchVersion.DROP_LAST_ARGUMENT) && parameters.dropLast()) {
			throw new TorchWouldRaiseException(version,
					"TypeError: __init__() got an unexpected keyword argument 'drop_last' (DistributedSampler takes drop_last from 1.7.0)");
		}
		long numSamples = (parameters.dropLast() && n % w != 0) ? ceilDiv(n - w, w) : ceilDiv(n, w);
		long total = numSamples * w;
		if (!version.isAtLeast(TorchVersion.REPEATED_PADDING) && !parameters.dropLast() && total - n > n) {
			throw new TorchWouldRaiseException(version,
					"AssertionError in DistributedSampler.__iter__: before 1.8.0 the list is padded once with indices[:"
							+ (total - n) + "], which cannot reach total_size " + total + " from " + n + " samples");
		}
		return new SamplerPlan(parameters, numSamples, permutationKey(parameters, n));
	}

	private static PermutationKey permutationKey(SamplerParameters parameters, long n) {
		if (!parameters.shuffle()) {
			return null;
		}
		BigInteger generatorSeed = parameters.seed().add(parameters.epoch());
		TorchSeed.requireInRange(generatorSeed, parameters.torchVersion());
		return new PermutationKey(n, TorchSeed.generatorSeed(generatorSeed),
				RandpermVariant.of(parameters.torchVersion(), n));
	}

	/** Python's {@code math.ceil(a / b)} for b > 0, including negative a. */
	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	/**
	 * @return the arguments
	 */
	public SamplerParameters parameters() {
		return this.parameters;
	}

	/**
	 * @return how many indices each rank yields ({@code len(sampler)})
	 */
	public long numSamples() {
		return this.numSamples;
	}

	/**
	 * @return the padded or truncated list's length, {@code num_samples * W}
	 */
	public long totalSize() {
		return this.numSamples * this.parameters.worldSize();
	}

	/**
	 * @return the permutation to compute, empty when shuffle is off
	 */
	public Optional<PermutationKey> permutationKey() {
		return Optional.ofNullable(this.permutationKey);
	}

	/**
	 * @param rank the rank
	 * @param permutation the permutation of {@link #permutationKey()}, or {@code null}
	 * without shuffle
	 * @return the rank's order
	 * @throws InvalidSamplerArgumentException for a rank outside [0, worldSize)
	 */
	public RankOrder rank(int rank, int[] permutation) {
		return rank(rank, Permutation.of(permutation));
	}

	/**
	 * @param rank the rank
	 * @param permutation the permutation of {@link #permutationKey()}, or {@code null}
	 * without shuffle
	 * @return the rank's order
	 * @throws InvalidSamplerArgumentException for a rank outside [0, worldSize)
	 */
	public RankOrder rank(int rank, Permutation permutation) {
		if (rank < 0 || rank >= this.parameters.worldSize()) {
			throw new InvalidSamplerArgumentException("rank",
					"must be in [0, " + this.parameters.worldSize() + ") for worldSize " + this.parameters.worldSize());
		}
		if ((this.permutationKey == null) != (permutation == null)
				|| (permutation != null && permutation.length() != this.permutationKey.n())) {
			throw new IllegalArgumentException("the permutation does not belong to this plan");
		}
		return new RankOrder(permutation, this.parameters.datasetSize(), rank, this.parameters.worldSize(),
				this.numSamples);
	}

}
