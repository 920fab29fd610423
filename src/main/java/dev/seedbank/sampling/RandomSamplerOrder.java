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
 */
public final class RandomSamplerOrder implements IndexOrder {

	/** The longest Java array: seedbank keeps the list as int[]. */
	static final long MAX_NUM_SAMPLES = Integer.MAX_VALUE - 8;

	/**
	 * At most this many 32-bit draws of earlier iterations are replayed, a few seconds of
	 * {@link MersenneTwister#skip} (which still twists every 624 words): e.g. 107 epochs
	 * of a 10^7 RandomSampler, 837 of a 1,281,167 one (ImageNet).
	 */
	static final long MAX_SKIPPED_DRAWS = 1L << 31;

	/** {@code _base_seed} is {@code random_()} on int64: {@code random64() % 2^63}. */
	private static final long INT63_MASK = Long.MAX_VALUE;

	private final int[] indices;

	private final OptionalLong loaderBaseSeed;

	private RandomSamplerOrder(int[] indices, OptionalLong loaderBaseSeed) {
		this.indices = indices;
		this.loaderBaseSeed = loaderBaseSeed;
	}

	/**
	 * @param parameters the sampler's arguments
	 * @return the iteration's order
	 * @throws InvalidSamplerArgumentException for arguments out of range
	 * @throws TorchWouldRaiseException where the named release raises
	 */
	public static RandomSamplerOrder of(RandomSamplerParameters parameters) {
		RandomSamplerDraws draws = RandomSamplerDraws.of(parameters);
		MersenneTwister generator = draws.generatorAtEpoch();
		OptionalLong baseSeed = parameters.dataLoader() ? OptionalLong.of(generator.nextLong() & INT63_MASK)
				: OptionalLong.empty();
		int n = (int) parameters.datasetSize();
		long numSamples = parameters.effectiveNumSamples();
		int[] indices = parameters.replacement() ? withReplacement(n, (int) numSamples, generator)
				: withoutReplacement(n, (int) numSamples, draws.variant(), generator);
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
		return this.indices.length;
	}

	@Override
	public long get(long k) {
		if (k < 0 || k >= this.indices.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.indices.length);
		}
		return this.indices[(int) k];
	}

	@Override
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.indices.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.indices.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		for (int k = (int) from; k < to; k++) {
			out.putLong(this.indices[k]);
		}
	}

	@Override
	public String sha256() {
		return OrderDigest.sha256(this);
	}

}
