package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * What the {@code epoch}-th (0-based) {@code iter()} of
 * {@code torch.utils.data.RandomSampler} yields for a generator seeded once with
 * {@code manual_seed(seed)}, alone or iterated by a {@code DataLoader}
 * (torch/utils/data/sampler.py and dataloader.py, shape from torch 1.11.0,
 * {@link TorchVersion#RANDOM_SAMPLER_NUM_SAMPLES}; unchanged through 2.13.0).
 * <ul>
 * <li>With replacement: {@code num_samples // 32} calls of
 * {@code torch.randint(high=n, size=(32,))} and one of the remainder; CPU randint keeps
 * {@code random() % n} per element, {@code random64() % n} when {@code n >= 2^32}
 * (aten/src/ATen/core/DistributionsHelper.h, {@code uniform_int_from_to_distribution}),
 * so the chunking does not change the stream.</li>
 * <li>Without: {@code num_samples // n} whole {@code randperm(n)}, then one more randperm
 * cut to {@code num_samples % n}, drawn even when that is 0.</li>
 * <li>The generator persists across iterations, so iteration e starts where e-1 left it:
 * the engine counts those draws and skips them ({@link MersenneTwister#skip}).</li>
 * <li>A DataLoader's iterator ({@code _BaseDataLoaderIter.__init__}) first calls
 * {@code iter(sampler)}, which runs nothing yet (the sampler's {@code __iter__} is a
 * generator function), then draws {@code _base_seed = random64() % 2^63} from the same
 * generator; the sampler draws on the first {@code next}. Nothing else draws for a
 * map-style dataset (the shared seed is for IterDataPipe only). Checked against real
 * 1.13.1 and 2.13.0 loaders.</li>
 * </ul>
 * Sizes: torch takes {@code n} and {@code num_samples} as Python ints and draws int64
 * tensors, so nothing in RandomSampler stops at 2^31; seedbank goes as far as
 * DistributedSampler, 2^40, holding lists past one array in {@link Permutation}'s wide
 * storage (values below n, any length).
 */
public final class RandomSamplerOrder implements IndexOrder {

	/** As for a permutation: the wide storage holds at most 2^40 values. */
	static final long MAX_NUM_SAMPLES = PermutationLayout.DEFAULT.maxLength();

	/**
	 * At most this many 32-bit draws of earlier iterations are replayed, a few seconds of
	 * {@link MersenneTwister#skip} (which still twists every 624 words): e.g. 107 epochs
	 * of a 10^7 RandomSampler, 837 of a 1,281,167 one (ImageNet).
	 */
	static final long MAX_SKIPPED_DRAWS = 1L << 31;

	/** {@code _base_seed} is {@code random_()} on int64: {@code random64() % 2^63}. */
	private static final long INT63_MASK = Long.MAX_VALUE;

	private final Permutation indices;

	/** The one array behind {@link #indices}, {@code null} for wide storage. */
	private final int[] values;

	private final OptionalLong loaderBaseSeed;

	private RandomSamplerOrder(Permutation indices, OptionalLong loaderBaseSeed) {
		this.indices = indices;
		this.values = (indices instanceof IntPermutation ints) ? ints.values : null;
		this.loaderBaseSeed = loaderBaseSeed;
	}

	/**
	 * @param parameters the sampler's arguments
	 * @return the iteration's order
	 * @throws InvalidSamplerArgumentException for arguments out of range
	 * @throws TorchWouldRaiseException where the named release raises
	 */
	public static RandomSamplerOrder of(RandomSamplerParameters parameters) {
		return of(parameters, PermutationLayout.DEFAULT);
	}

	/**
	 * Tests lower the layout's thresholds to run the wide path on a few thousand samples.
	 */
	static RandomSamplerOrder of(RandomSamplerParameters parameters, PermutationLayout layout) {
		RandomSamplerDraws draws = RandomSamplerDraws.of(parameters);
		MersenneTwister generator = draws.generatorAtEpoch();
		OptionalLong baseSeed = parameters.dataLoader() ? OptionalLong.of(generator.nextLong() & INT63_MASK)
				: OptionalLong.empty();
		long n = parameters.datasetSize();
		long numSamples = parameters.effectiveNumSamples();
		if (Math.max(n, numSamples) <= layout.maxSingleArray()) {
			int[] indices = parameters.replacement() ? withReplacement((int) n, (int) numSamples, generator)
					: withoutReplacement((int) n, (int) numSamples, draws.variant(), generator);
			return new RandomSamplerOrder(Permutation.of(indices), baseSeed);
		}
		Permutation indices = parameters.replacement()
				? WideRandomSamplerLists.withReplacement(n, numSamples, generator, layout)
				: WideRandomSamplerLists.withoutReplacement(n, numSamples, draws.variant(), generator, layout);
		return new RandomSamplerOrder(indices, baseSeed);
	}

	/**
	 * The {@code _base_seed} the {@code epoch}-th iterator of
	 * {@code DataLoader(range(datasetSize), sampler=RandomSampler(..., generator=g),
	 * generator=g)} draws (with the default {@code numSamples} and no replacement, the
	 * loader that {@code shuffle=True} builds); its workers are seeded with
	 * {@code base_seed + worker_id}.
	 * @param seed the generator's {@code manual_seed}
	 * @param epoch the 0-based iteration
	 * @param datasetSize {@code len(dataset)}
	 * @param replacement the sampler's {@code replacement}
	 * @param numSamples the sampler's {@code num_samples}, {@code null} for the default
	 * @param version the torch release
	 * @return the base seed, in [0, 2^63)
	 */
	public static long loaderBaseSeed(BigInteger seed, long epoch, long datasetSize, boolean replacement,
			Long numSamples, TorchVersion version) {
		RandomSamplerDraws draws = RandomSamplerDraws
			.of(new RandomSamplerParameters(datasetSize, seed, epoch, numSamples, replacement, true, version));
		return draws.generatorAtEpoch().nextLong() & INT63_MASK;
	}

	private static int[] withReplacement(int n, int numSamples, MersenneTwister generator) {
		int[] result = new int[numSamples];
		for (int k = 0; k < numSamples; k++) {
			result[k] = (int) (Integer.toUnsignedLong(generator.nextInt()) % n);
		}
		return result;
	}

	private static int[] withoutReplacement(int n, int numSamples, RandpermVariant variant, MersenneTwister generator) {
		int whole = numSamples / n;
		int rest = numSamples % n;
		if (whole == 1 && rest == 0) {
			int[] permutation = permute(n, variant, generator);
			generator.skip(RandomSamplerDraws.randpermDraws(n, variant));
			return permutation;
		}
		int[] result = new int[numSamples];
		for (int w = 0; w < whole; w++) {
			System.arraycopy(permute(n, variant, generator), 0, result, w * n, n);
		}
		if (rest == 0) {
			generator.skip(RandomSamplerDraws.randpermDraws(n, variant));
		}
		else if (variant == RandpermVariant.CLASSIC) {
			ClassicRandperm.prefix(n, rest, generator, result, whole * n);
		}
		else {
			System.arraycopy(InsideOutRandperm.permute(n, generator), 0, result, whole * n, rest);
		}
		return result;
	}

	private static int[] permute(int n, RandpermVariant variant, MersenneTwister generator) {
		return (variant == RandpermVariant.CLASSIC) ? ClassicRandperm.permute(n, generator)
				: InsideOutRandperm.permute(n, generator);
	}

	/**
	 * @return the loader's {@code _base_seed} for this iteration, empty without
	 * {@code dataLoader}
	 */
	public OptionalLong loaderBaseSeed() {
		return this.loaderBaseSeed;
	}

	@Override
	public long length() {
		return this.indices.length();
	}

	@Override
	public long get(long k) {
		if (k < 0 || k >= length()) {
			throw new IndexOutOfBoundsException("position " + k + " of " + length());
		}
		return this.indices.get(k);
	}

	@Override
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > length() || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length());
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		int[] ints = this.values;
		for (long k = from; k < to; k++) {
			out.putLong((ints != null) ? ints[(int) k] : this.indices.get(k));
		}
	}

	/**
	 * @return the heap the list occupies
	 */
	public long bytes() {
		return this.indices.bytes();
	}

	@Override
	public String sha256() {
		return OrderDigest.sha256(this);
	}

}
