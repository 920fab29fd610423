package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.seedbank.reference.ReferencePython;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred random DistributedSampler cases, plus torch's edges (negative epochs,
 * epochs at and above 2^63, seeds outside manual_seed's range without shuffle, and
 * {@code seed + epoch} out of range with shuffle), through a real torch and through the
 * engine set to that torch's release: Debian's torch 1.13.1 and the reference venv's
 * 2.13.0. Orders are compared by digest, raises by torch's own message. Under
 * {@code CI=true} a missing torch fails the build instead of skipping.
 */
class LiveTorchCrossCheckTests {

	private static final int CASES = 300;

	private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	private static final String SCRIPT = """
			import hashlib, struct, sys
			from torch.utils.data import DistributedSampler
			for line in sys.stdin:
			    n, w, r, e, seed, shuffle, drop = line.split()
			    try:
			        s = DistributedSampler(range(int(n)), num_replicas=int(w), rank=int(r), shuffle=shuffle == "1",
			                               seed=int(seed), drop_last=drop == "1")
			        s.set_epoch(int(e))
			        order = list(s)
			        print(len(order), hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest(), flush=True)
			    except Exception as ex:
			        print("RAISE", type(ex).__name__ + ": " + str(ex), flush=True)
			""";

	static Stream<Arguments> torches() {
		return Stream.of(Arguments.of("1.13.1", (Supplier<ReferencePython>) ReferencePython::debianTorch),
				Arguments.of("2.13.0", (Supplier<ReferencePython>) ReferencePython::venv));
	}

	@ParameterizedTest(name = "torch {0}")
	@MethodSource("torches")
	void engineMatchesRealTorchOnRandomAndEdgeCases(String torchVersion, Supplier<ReferencePython> reference) {
		ReferencePython python = reference.get();
		long seedOfSeeds = System.nanoTime();
		System.out.println("live torch " + torchVersion + " cross-check: java.util.Random seed " + seedOfSeeds);
		List<Case> cases = new ArrayList<>(edgeCases());
		Random random = new Random(seedOfSeeds);
		while (cases.size() < CASES) {
			cases.add(randomCase(random));
		}
		StringBuilder input = new StringBuilder();
		cases.forEach((c) -> input.append(c.line()).append('\n'));
		List<String> torch = python.run(SCRIPT, input.toString());
		assertThat(torch).hasSize(cases.size());
		TorchVersion version = TorchVersion.parse(torchVersion);
		for (int i = 0; i < cases.size(); i++) {
			assertThat(engine(cases.get(i), version)).as("case %d: %s", i, cases.get(i)).isEqualTo(torch.get(i));
		}
	}

	/** Each edge once, so every run covers them whatever the random draw. */
	private static List<Case> edgeCases() {
		BigInteger seven = BigInteger.valueOf(7);
		return List.of(new Case(10, 2, 0, BigInteger.valueOf(-3), BigInteger.TEN, true, false),
				new Case(100, 3, 2, TWO_63, BigInteger.valueOf(-5), true, true),
				new Case(100, 3, 1, TWO_64.subtract(BigInteger.ONE), BigInteger.ZERO, true, false),
				new Case(100, 4, 3, TWO_64.negate(), TWO_64.add(seven), true, false),
				new Case(50, 4, 1, BigInteger.valueOf(-1), TWO_64, true, false),
				new Case(50, 4, 1, BigInteger.valueOf(5), TWO_64.shiftLeft(6), false, true),
				new Case(50, 4, 2, TWO_63.negate().shiftLeft(3), TWO_64.negate(), false, false),
				new Case(50, 4, 2, BigInteger.ONE, TWO_64.subtract(BigInteger.ONE), true, false),
				new Case(50, 4, 2, BigInteger.valueOf(-1), TWO_63.negate(), true, false),
				new Case(0, 3, 2, TWO_64, BigInteger.ZERO, true, false),
				new Case(5, 8, 7, BigInteger.valueOf(-2), BigInteger.ONE, true, false));
	}

	private static Case randomCase(Random random) {
		long n = switch (random.nextInt(4)) {
			case 0 -> random.nextInt(20);
			case 1 -> random.nextInt(1000);
			case 2 -> random.nextInt(100_000);
			default -> random.nextInt(3_000_000);
		};
		int w = 1 + random.nextInt(16);
		BigInteger epoch = switch (random.nextInt(6)) {
			case 0 -> BigInteger.valueOf(-random.nextInt(1000));
			case 1 -> TWO_63.add(BigInteger.valueOf(random.nextInt(1000)));
			default -> BigInteger.valueOf(random.nextInt(1000));
		};
		BigInteger seed = switch (random.nextInt(5)) {
			case 0 -> BigInteger.valueOf(random.nextInt(100));
			case 1 -> BigInteger.valueOf(random.nextLong());
			case 2 -> new BigInteger(64, random).subtract(epoch);
			case 3 -> new BigInteger(70, random).subtract(TWO_64.shiftLeft(5));
			default -> BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL);
		};
		return new Case(n, w, random.nextInt(w), epoch, seed, random.nextInt(5) != 0, random.nextBoolean());
	}

	/** The engine's answer in the script's format: "length digest" or "RAISE message". */
	private static String engine(Case c, TorchVersion version) {
		try {
			SamplerPlan plan = SamplerPlan
				.of(new SamplerParameters(c.n(), c.w(), c.epoch(), c.seed(), c.shuffle(), c.dropLast(), version));
			RankOrder order = plan.rank(c.rank(), plan.permutationKey().map(Randperm::compute).orElse(null));
			return order.length() + " " + order.sha256();
		}
		catch (TorchWouldRaiseException ex) {
			String raised = ex.getMessage().substring(ex.getMessage().indexOf(" would raise ") + 13);
			int note = raised.indexOf(" (");
			return "RAISE " + ((note >= 0) ? raised.substring(0, note) : raised);
		}
	}

	record Case(long n, int w, int rank, BigInteger epoch, BigInteger seed, boolean shuffle, boolean dropLast) {

		String line() {
			return n + " " + w + " " + rank + " " + epoch + " " + seed + " " + (shuffle ? 1 : 0) + " "
					+ (dropLast ? 1 : 0);
		}

	}

}
