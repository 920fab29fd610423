package dev.seedbank.sampling.streaming;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rank's MosaicML Streaming epoch order, the conformance case of bench/streaming.sh:
 * 1e7 samples in 1,000 shards of 10,000, py1e, 8 canonical nodes, 1 physical node of 8
 * ranks, 4 workers, batch 32, block size 500,000; rank 0 (the best case) and rank 7 (draws
 * through nodes 0-6 first). Streaming cannot be installed here, so bench/jmh.sh reports the
 * absolute time; the real Streaming time recorded with the vectors is in bench/streaming.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = { "-Xmx2g" })
public class StreamingBenchmarks {

	@Param({ "0", "7" })
	public int rank;

	@Benchmark
	public long streamingEpochOrder() {
		long[] shards = new long[1000];
		Arrays.fill(shards, 10_000);
		StreamingArguments arguments = StreamingArguments.of(shards, true, "py1e", 8, BigInteger.valueOf(9176), 0L,
				500_000L, "relaxed", 1, 8, 4, 32, this.rank, 0L, null, null);
		StreamingEpochOrder order = StreamingEpochOrder.of(arguments);
		return order.get(order.length() - 1);
	}

}
