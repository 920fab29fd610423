package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the live cross-checks cannot see: the engine's own limits (400s naming the
 * parameter), the draw bookkeeping its speed relies on, and the {@link IndexOrder}
 * contract. Orders themselves are compared with real torch in
 * {@link RandomSamplerLiveCrossCheckTests} and the 2.13 golden vectors.
 */
class RandomSamplerOrderTests {

	private static final TorchVersion NEWEST = TorchVersion.newest();

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 2, 623, 624, 625, 1247, 1248, 5000, 100_003 })
	void skippingEqualsDrawingAndDiscarding(long count) {
		MersenneTwister drawn = new MersenneTwister(20260101);
		MersenneTwister skipped = new MersenneTwister(20260101);
		drawn.nextInt();
		skipped.nextInt();
		for (long i = 0; i < count; i++) {
			drawn.nextInt();
		}
		skipped.skip(count);
		for (int i = 0; i < 1500; i++) {
			assertThat(skipped.nextInt()).as("output %d after skipping %d", i, count).isEqualTo(drawn.nextInt());
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 999, 1000 })
	void aRandpermCutShortIsTheWholeOnesPrefixAndDrawsAsMuch(int count) {
		int n = 1001;
		MersenneTwister whole = new MersenneTwister(77);
		MersenneTwister cut = new MersenneTwister(77);
		int[] permutation = ClassicRandperm.permute(n, whole);
		int[] prefix = new int[count + 3];
		ClassicRandperm.prefix(n, count, cut, prefix, 3);
		for (int k = 0; k < count; k++) {
			assertThat(prefix[3 + k]).as("index at position %d", k).isEqualTo(permutation[k]);
		}
		assertThat(cut.nextInt()).as("the next draw").isEqualTo(whole.nextInt());
	}

	@Test
	void theDefaultLoaderIsOneRandpermAfterTheBaseSeed() {
		MersenneTwister generator = new MersenneTwister(TorchSeed.generatorSeed(BigInteger.valueOf(5)));
		long baseSeed = generator.nextLong() & Long.MAX_VALUE;
		int[] permutation = ClassicRandperm.permute(10, generator);
		RandomSamplerOrder order = order(10, 5, 0, null, false, true);
		assertThat(order.loaderBaseSeed()).hasValue(baseSeed);
		for (int k = 0; k < 10; k++) {
			assertThat(order.get(k)).as("index at position %d", k).isEqualTo(permutation[k]);
		}
		assertThat(RandomSamplerOrder.loaderBaseSeed(BigInteger.valueOf(5), 0, 10, false, null, NEWEST))
			.isEqualTo(baseSeed);
	}

	@Test
	void bulkWriterAndDigestAgreeWithGet() throws NoSuchAlgorithmException {
		RandomSamplerOrder order = order(3001, -9, 2, 9_000L, false, false);
		assertThat(order.length()).isEqualTo(9000);
		ByteBuffer buffer = ByteBuffer.allocate(8 * 9000);
		order.write(0, 9000, buffer);
		buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < 9000; k++) {
			assertThat(buffer.getLong()).as("index at position %d", k).isEqualTo(order.get(k));
		}
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.array()));
		assertThat(order.sha256()).isEqualTo(expected);
		assertThat(order.loaderBaseSeed()).isEmpty();
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> order.get(9000));
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> order.write(1, 9001, ByteBuffer.allocate(8 * 9000)));
	}

	@Test
	void argumentsOutOfRangeNameTheParameter() {
		assertParameter(() -> order(-1, 0, 0, null, false, false), "datasetSize");
		assertParameter(() -> order((1L << 40) + 1, 0, 0, null, false, false), "datasetSize");
		assertParameter(
				() -> RandomSamplerOrder.of(new RandomSamplerParameters(10, null, 0, null, false, false, NEWEST)),
				"seed");
		assertParameter(() -> order(10, 0, -1, null, false, false), "epoch");
		assertParameter(() -> order(10, 0, 0, (1L << 40) + 1, true, false), "numSamples");
		assertParameter(() -> RandomSamplerOrder
			.of(new RandomSamplerParameters(10, BigInteger.ONE, 0, null, false, false, TorchVersion.parse("1.10.2"))),
				"torchVersion");
		assertParameter(() -> order(10_000_000, 0, 500, null, false, false), "epoch");
		// 9 draws per randperm of 10, two randperms per iter(): one epoch past the limit
		assertParameter(() -> order(10, 0, RandomSamplerOrder.MAX_SKIPPED_DRAWS / 18 + 1, null, false, false), "epoch");
	}

	@Test
	void whatTorchRaisesIsAWouldRaise() {
		assertRaises(() -> order(10, 0, 0, 0L, true, false),
				"ValueError: num_samples should be a positive integer value, but got num_samples=0");
		assertRaises(() -> order(0, 0, 0, null, false, true),
				"ValueError: num_samples should be a positive integer value, but got num_samples=0");
		assertRaises(() -> order(0, 0, 0, 3L, true, false),
				"RuntimeError: random_ expects 'from' to be less than 'to', but got from=0 >= to=0");
		assertRaises(() -> order(0, 0, 0, 3L, false, false), "ZeroDivisionError: integer division or modulo by zero");
		BigInteger tooLarge = TorchSeed.MAX.add(BigInteger.ONE);
		assertThatThrownBy(() -> RandomSamplerOrder
			.of(new RandomSamplerParameters(10, tooLarge, 0, null, false, false, TorchVersion.parse("1.13.1"))))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("RuntimeError: Overflow when unpacking long (");
		assertThatThrownBy(() -> RandomSamplerOrder.loaderBaseSeed(tooLarge, 0, 10, false, null, NEWEST))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("ValueError: Overflow when unpacking long long");
	}

	private static RandomSamplerOrder order(long n, long seed, long epoch, Long numSamples, boolean replacement,
			boolean dataLoader) {
		return RandomSamplerOrder.of(new RandomSamplerParameters(n, BigInteger.valueOf(seed), epoch, numSamples,
				replacement, dataLoader, NEWEST));
	}

	private static void assertParameter(Runnable call, String parameter) {
		assertThatThrownBy(call::run).isInstanceOf(InvalidSamplerArgumentException.class)
			.extracting((ex) -> ((InvalidSamplerArgumentException) ex).parameter())
			.isEqualTo(parameter);
	}

	private static void assertRaises(Runnable call, String raised) {
		assertThatThrownBy(call::run).isInstanceOf(TorchWouldRaiseException.class).hasMessageEndingWith(raised);
	}

}
