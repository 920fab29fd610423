package dev.seedbank.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.seedbank.reference.ReferencePython;
import dev.seedbank.sampling.ReleaseVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real DataLoader workers (torch 2.13) under Lightning 2.6.6's
 * {@code pl_worker_init_function}, read back from the worker processes
 * ({@code lightning/worker_seeds_check.py}) and compared with
 * {@link LightningWorkerSeeds}: torch's initial seed exactly, and the {@code random} and
 * NumPy states against the states the computed seeds produce.
 */
class LightningWorkerSeedsLiveTests {

	private static final ReleaseVersion LIGHTNING = ReleaseVersion.parse("2.6.6");

	private static final ReleaseVersion TORCH = ReleaseVersion.parse("2.13.0");

	@Test
	void workersOfRealLoadersEndWithTheComputedSeeds() throws IOException {
		ReferencePython python = ReferencePython.venv();
		long seedOfSeeds = System.nanoTime();
		System.out.println("live Lightning worker check: java.util.Random seed " + seedOfSeeds);
		Random random = new Random(seedOfSeeds);
		int epochs = 2;
		StringBuilder input = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			BigInteger loaderSeed = (c == 0) ? BigInteger.ZERO : BigInteger.valueOf(random.nextLong() >>> 1);
			int workers = 2 + c % 2;
			int rank = (c == 0) ? 0 : 1 + random.nextInt(70_000);
			input.append(loaderSeed).append(' ').append(workers).append(' ').append(rank).append(' ');
			input.append(epochs).append(' ').append(c % 2);
			for (int epoch = 0; epoch < epochs; epoch++) {
				EpochWorkerSeeds seeds = LightningWorkerSeeds
					.afterWorkerInit(WorkerSeeds.forEpoch(loaderSeed, epoch, workers, false, TORCH), rank, LIGHTNING);
				for (WorkerSeed worker : seeds.workers()) {
					input.append(' ').append(worker.randomSeed());
					worker.numpySeed().forEach((word) -> input.append(' ').append(word));
					expected.add(epoch + " " + worker.workerId() + " " + worker.seed() + " 1 1");
				}
			}
			input.append('\n');
		}
		List<String> real = python.run(script(), input.toString());
		assertThat(real).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertThat(real.get(i)).as("line %d (epoch, worker, torch seed, random ok, numpy ok)", i)
				.isEqualTo(expected.get(i));
		}
	}

	private static String script() throws IOException {
		try (InputStream in = LightningWorkerSeedsLiveTests.class
			.getResourceAsStream("/lightning/worker_seeds_check.py")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
