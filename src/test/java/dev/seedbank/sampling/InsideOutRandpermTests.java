package dev.seedbank.sampling;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No torch >= 2.6 runs here, so the inside-out branch is checked against an independent
 * model of the loop quoted from randperm_cpu, written with BigInteger arithmetic and
 * Python's semantics ({@code z = random64() % (i + 1)} unsigned; {@code r[i] = r[z]};
 * {@code r[z] = i}), fed by the same MT19937 stream.
 */
class InsideOutRandpermTests {

	private static final BigInteger TWO_POW_32 = BigInteger.ONE.shiftLeft(32);

	@ParameterizedTest
	@CsvSource({ "0, 1", "1, 1", "2, 5489", "10, 0", "1000, 4294967295", "4097, 17" })
	void matchesTheQuotedLoop(int n, long seed) {
		int[] engine = InsideOutRandperm.permute(n, new MersenneTwister(seed));
		assertThat(engine).containsExactly(model(n, seed));
	}

	@ParameterizedTest
	@CsvSource({ "0, 1", "1, 1", "2, 5489", "10, 0", "1000, 4294967295", "10000, 17", "100000, 3" })
	void classicMatchesItsQuotedLoopToo(int n, long seed) {
		int[] engine = ClassicRandperm.permute(n, new MersenneTwister(seed));
		MersenneTwister generator = new MersenneTwister(seed);
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i;
		}
		for (int i = 0; i < n - 1; i++) {
			long z = Integer.toUnsignedLong(generator.nextInt()) % (n - i);
			int t = r[i];
			r[i] = r[(int) (i + z)];
			r[(int) (i + z)] = t;
		}
		assertThat(engine).containsExactly(r);
	}

	@ParameterizedTest
	@CsvSource({ "1048576, 5", "3000001, 42" })
	void thePipelinedClassicLoopEqualsTheSequentialOne(int n, long seed) {
		assertThat(n).isGreaterThanOrEqualTo(ClassicRandperm.PIPELINE_THRESHOLD);
		assertThat(ClassicRandperm.pipelined(n, new MersenneTwister(seed)))
			.isEqualTo(ClassicRandperm.sequential(n, new MersenneTwister(seed)));
	}

	private static int[] model(int n, long seed) {
		MersenneTwister generator = new MersenneTwister(seed);
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			BigInteger high = BigInteger.valueOf(Integer.toUnsignedLong(generator.nextInt()));
			BigInteger low = BigInteger.valueOf(Integer.toUnsignedLong(generator.nextInt()));
			BigInteger random64 = high.multiply(TWO_POW_32).add(low);
			int z = random64.mod(BigInteger.valueOf(i + 1L)).intValueExact();
			r[i] = r[z];
			r[z] = i;
		}
		return r;
	}

}
