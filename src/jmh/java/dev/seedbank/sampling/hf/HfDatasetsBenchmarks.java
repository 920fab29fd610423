package dev.seedbank.sampling.hf;

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
 * {@code Dataset.shuffle(seed=42).shard(4, 1)} of n rows as the service serves it: numpy's
 * permutation alone, and the whole shard order written as int64. bench/jmh.sh measures
 * numpy's {@code default_rng(42).permutation(n)} and datasets' shuffle, shard and read in
 * the same run and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class HfDatasetsBenchmarks {

	@Param("10000000")
	public int n;

	private ByteBuffer rows;

	@Setup
	public void setUp() {
		this.rows = ByteBuffer.allocate(this.n / 4 * Long.BYTES + Long.BYTES);
	}

	@Benchmark
	public int[] hfDatasetsPermutation() {
		return HfDatasetsShuffle.permutation(this.n, BigInteger.valueOf(42), DatasetsVersion.DEFAULT);
	}

	@Benchmark
	public ByteBuffer hfDatasetsShard() {
		HfDatasetsOrder order = HfDatasetsShuffle.order(this.n, BigInteger.valueOf(42), 4, 1, false,
				DatasetsVersion.DEFAULT);
		this.rows.clear();
		order.write(0, order.length(), this.rows);
		return this.rows;
	}

}
