package dev.seedbank.sampling;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A few hundred random cases through the real torch installed here (Debian's
 * python3-torch, 1.13.1) and through the engine, compared by order digest. Under
 * {@code CI=true} a missing torch fails the build instead of skipping.
 */
class LiveTorchCrossCheckTests {

	private static final String PYTHON = "/usr/bin/python3";

	private static final int CASES = 300;

	private static final String SCRIPT = """
			import hashlib, struct, sys
			from torch.utils.data import DistributedSampler
			for line in sys.stdin:
			    n, w, r, e, seed, shuffle, drop = line.split()
			    s = DistributedSampler(range(int(n)), num_replicas=int(w), rank=int(r), shuffle=shuffle == "1",
			                           seed=int(seed), drop_last=drop == "1")
			    s.set_epoch(int(e))
			    order = list(s)
			    digest = hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest()
			    print(len(order), digest, flush=True)
			""";

	@Test
	void engineMatchesRealTorchOnRandomCases() throws IOException, InterruptedException {
		requireTorch();
		long seedOfSeeds = System.nanoTime();
		System.out.println("live torch cross-check: java.util.Random seed " + seedOfSeeds);
		Random random = new Random(seedOfSeeds);
		List<long[]> cases = new ArrayList<>();
		List<BigInteger> seeds = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int i = 0; i < CASES; i++) {
			long n = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(20);
				case 1 -> random.nextInt(1000);
				case 2 -> random.nextInt(100_000);
				default -> random.nextInt(3_000_000);
			};
			int w = 1 + random.nextInt(16);
			int rank = random.nextInt(w);
			long epoch = random.nextInt(1000);
			BigInteger seed = switch (random.nextInt(4)) {
				case 0 -> BigInteger.valueOf(random.nextInt(100));
				case 1 -> BigInteger.valueOf(random.nextLong());
				case 2 -> new BigInteger(64, random).subtract(BigInteger.valueOf(epoch)).max(BigInteger.ZERO);
				default -> BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL);
			};
			long shuffle = random.nextInt(5) == 0 ? 0 : 1;
			long drop = random.nextInt(2);
			cases.add(new long[] { n, w, rank, epoch, shuffle, drop });
			seeds.add(seed);
			input.append(n).append(' ').append(w).append(' ').append(rank).append(' ').append(epoch).append(' ');
			input.append(seed).append(' ').append(shuffle).append(' ').append(drop).append('\n');
		}
		List<String> torch = runTorch(input.toString());
		assertThat(torch).hasSize(CASES);
		for (int i = 0; i < CASES; i++) {
			long[] c = cases.get(i);
			SamplerPlan plan = SamplerPlan.of(new SamplerParameters(c[0], (int) c[1], c[3], seeds.get(i), c[4] == 1,
					c[5] == 1, TorchVersion.parse("1.13.1")));
			RankOrder order = plan.rank((int) c[2], plan.permutationKey().map(Randperm::compute).orElse(null));
			assertThat(order.length() + " " + order.sha256())
				.as("case %d: N=%d W=%d rank=%d epoch=%d seed=%s shuffle=%d dropLast=%d", i, c[0], c[1], c[2], c[3],
						seeds.get(i), c[4], c[5])
				.isEqualTo(torch.get(i));
		}
	}

	private static List<String> runTorch(String input) throws IOException, InterruptedException {
		Process python = new ProcessBuilder(PYTHON, "-c", SCRIPT).redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (OutputStream stdin = python.getOutputStream()) {
			stdin.write(input.getBytes(StandardCharsets.US_ASCII));
		}
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(python.waitFor()).as("python exit status").isZero();
		return output.lines().toList();
	}

	private static void requireTorch() throws IOException, InterruptedException {
		boolean present;
		try {
			present = new ProcessBuilder(PYTHON, "-c", "import torch").start().waitFor() == 0;
		}
		catch (IOException ex) {
			present = false;
		}
		if (!present) {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI=true but torch is not importable by " + PYTHON + " (apt-get install python3-torch)");
			}
			Assumptions.abort("torch is not installed here; .ci/run installs Debian's python3-torch");
		}
	}

}
