package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's hot paths, one benchmark each: randperm (both torch loops), one rank's slice
 * written as int64, its digest, and the samplers RandomSamplerOrder and
 * AcceleratePreparedLoader. bench/jmh.sh runs them and prints ratios against the real
 * reference measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class EngineBenchmarks {

	@Param("10000000")
	public int n;

	@Param("8")
	public int worldSize;

	private PermutationKey classic;

	private PermutationKey insideOut;

	private SamplerPlan plan;

	private Permutation permutation;

	private ByteBuffer slice;

	@Setup
	public void setUp() {
		this.classic = new PermutationKey(this.n, 17, RandpermVariant.CLASSIC);
		this.insideOut = new PermutationKey(this.n, 17, RandpermVariant.INSIDE_OUT);
		this.plan = SamplerPlan.of(new SamplerParameters(this.n, this.worldSize, 0, BigInteger.valueOf(17), true,
				false, TorchVersion.parse("2.5.1")));
		this.permutation = Randperm.permutation(this.plan.permutationKey().orElseThrow());
		this.slice = ByteBuffer.allocate((int) (this.plan.numSamples() * Long.BYTES));
	}

	@Benchmark
	public Permutation randpermClassic() {
		return Randperm.permutation(this.classic);
	}

	@Benchmark
	public Permutation randpermInsideOut() {
		return Randperm.permutation(this.insideOut);
	}

	@Benchmark
	public ByteBuffer rankSliceWrite() {
		RankOrder order = this.plan.rank(0, this.permutation);
		this.slice.clear();
		order.write(0, order.length(), this.slice);
		return this.slice;
	}

	@Benchmark
	public String rankSliceDigest() {
		return this.plan.rank(0, this.permutation).sha256();
	}

	@Benchmark
	public long randomSamplerOrder() {
		IndexOrder order = RandomSamplerOrder.of(new RandomSamplerParameters(this.n, BigInteger.valueOf(17), 1, null,
				false, false, TorchVersion.parse("2.13.0")));
		return order.get(order.length() - 1);
	}

	@Benchmark
	public long acceleratePreparedLoader() {
		IndexOrder order = AcceleratePreparedLoader.of(new AccelerateLoaderParameters(this.n, this.worldSize, 0, 32, 0,
				BigInteger.valueOf(17), true, false, true, false, AccelerateVersion.NEWEST,
				TorchVersion.parse("2.13.0")))
			.order();
		return order.get(order.length() - 1);
	}

}
