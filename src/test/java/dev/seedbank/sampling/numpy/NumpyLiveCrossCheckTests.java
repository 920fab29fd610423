package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import dev.seedbank.reference.ReferencePython;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred random cases (huge seeds, permutations up to 10^6, mixes of 32-bit,
 * 64-bit, double, shuffle and slice-shuffle draws on one generator) run through the
 * engine and through the real NumPy of {@link ReferencePython#venv()}, compared by the
 * SHA-256 of every output as little-endian int64 or float64.
 */
class NumpyLiveCrossCheckTests {

	private static final int CASES = 300;

	private static final String SCRIPT = """
			import hashlib, json, sys
			import numpy as np
			for line in sys.stdin:
			    case = json.loads(line)
			    g = np.random.default_rng(int(case["seed"]))
			    h = hashlib.sha256()
			    for op in case["ops"]:
			        kind = op[0]
			        if kind == "perm":
			            h.update(g.permutation(op[1]).astype("<i8").tobytes())
			        elif kind == "list":
			            items = list(range(op[1]))
			            g.shuffle(items)
			            h.update(np.array(items, dtype="<i8").tobytes())
			        elif kind == "int":
			            h.update(np.int64(g.integers(int(op[1]), int(op[2]))).astype("<i8").tobytes())
			        elif kind == "ints":
			            h.update(g.integers(int(op[1]), int(op[2]), size=op[3]).astype("<i8").tobytes())
			        elif kind == "int1":
			            h.update(np.int64(g.integers(int(op[1]))).astype("<i8").tobytes())
			        elif kind == "rand":
			            h.update(g.random(op[1]).astype("<f8").tobytes())
			        elif kind == "slice":
			            items = np.arange(op[1])
			            g.shuffle(items[op[2]:op[3]])
			            h.update(items.astype("<i8").tobytes())
			        elif kind == "uni":
			            h.update(g.uniform(float(op[1]), float(op[2]), op[3]).astype("<f8").tobytes())
			    print(h.hexdigest())
			""";

	@Test
	void engineMatchesRealNumpyOnRandomCases() {
		SplittableRandom random = new SplittableRandom(20261203L);
		List<List<Object[]>> cases = new ArrayList<>();
		List<BigInteger> seeds = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			BigInteger seed = new BigInteger(random.nextInt(1, 300), new java.util.Random(random.nextLong()));
			List<Object[]> ops = new ArrayList<>();
			int count = random.nextInt(1, 6);
			for (int o = 0; o < count; o++) {
				ops.add(randomOp(random, c));
			}
			seeds.add(seed);
			cases.add(ops);
			input.append("{\"seed\":\"").append(seed).append("\",\"ops\":[");
			for (int o = 0; o < ops.size(); o++) {
				input.append((o > 0) ? "," : "").append(toJson(ops.get(o)));
			}
			input.append("]}\n");
		}
		List<String> expected = ReferencePython.venv().run(SCRIPT, input.toString());
		assertThat(expected).as("one digest per case").hasSize(CASES);
		for (int c = 0; c < CASES; c++) {
			assertThat(digest(seeds.get(c), cases.get(c)))
				.as("case %d: seed %s ops %s", c, seeds.get(c), describe(cases.get(c)))
				.isEqualTo(expected.get(c));
		}
	}

	private static Object[] randomOp(SplittableRandom random, int c) {
		switch (random.nextInt(8)) {
			case 5:
				return new Object[] { "int1", random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(63) | 1L };
			case 6:
				return new Object[] { "rand", random.nextInt(0, 300) };
			case 7: {
				int n = random.nextInt(0, 3000);
				int from = random.nextInt(0, n + 1);
				return new Object[] { "slice", n, from, random.nextInt(from, n + 1) };
			}
			case 0: {
				int n = (c % 50 == 0) ? random.nextInt(1, 1_000_001) : (int) Math.pow(10, random.nextDouble(0, 4.5));
				return new Object[] { "perm", n };
			}
			case 1:
				return new Object[] { "list", random.nextInt(0, 2000) };
			case 2:
			case 3: {
				long low = randomLong(random);
				long high = randomLong(random);
				if (low > high) {
					long swap = low;
					low = high;
					high = swap;
				}
				if (low == high) {
					high = low + 1;
				}
				return (random.nextBoolean()) ? new Object[] { "int", low, high }
						: new Object[] { "ints", low, high, random.nextInt(0, 500) };
			}
			default: {
				double low = random.nextDouble(-1e6, 1e6);
				return new Object[] { "uni", low, low + random.nextDouble(0, 1e6), random.nextInt(0, 500) };
			}
		}
	}

	/** Bounds whose difference spans every size class: 1, tiny, 32-bit edges, 64-bit. */
	private static long randomLong(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextLong(-10, 10);
			case 1 -> random.nextLong(-(1L << 33), 1L << 33);
			case 2 -> (random.nextBoolean() ? 1 : -1) * ((1L << 32) + random.nextLong(-2, 3));
			default -> random.nextLong();
		};
	}

	private static String digest(BigInteger seed, List<Object[]> ops) {
		NumpyGenerator generator = NumpyGenerator.defaultRng(seed);
		MessageDigest sha256 = sha256();
		for (Object[] op : ops) {
			switch ((String) op[0]) {
				case "perm" -> update(sha256, generator.permutation((int) op[1]));
				case "list" -> {
					List<Long> items = new ArrayList<>();
					for (long i = 0; i < (int) op[1]; i++) {
						items.add(i);
					}
					generator.shuffle(items);
					update(sha256, items.stream().mapToLong(Long::longValue).toArray());
				}
				case "int" -> update(sha256, new long[] { generator.integers((long) op[1], (long) op[2]) });
				case "ints" -> update(sha256, generator.integers((long) op[1], (long) op[2], (int) op[3]));
				case "int1" -> update(sha256, new long[] { generator.integers((long) op[1]) });
				case "rand" -> {
					long[] bits = new long[(int) op[1]];
					for (int i = 0; i < bits.length; i++) {
						bits[i] = Double.doubleToRawLongBits(generator.random());
					}
					update(sha256, bits);
				}
				case "slice" -> {
					long[] items = new long[(int) op[1]];
					for (int i = 0; i < items.length; i++) {
						items[i] = i;
					}
					generator.shuffle(items, (int) op[2], (int) op[3]);
					update(sha256, items);
				}
				default -> {
					double[] values = generator.uniform((double) op[1], (double) op[2], (int) op[3]);
					long[] bits = new long[values.length];
					for (int i = 0; i < values.length; i++) {
						bits[i] = Double.doubleToRawLongBits(values[i]);
					}
					update(sha256, bits);
				}
			}
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void update(MessageDigest sha256, long[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asLongBuffer().put(values);
		sha256.update(buffer.array());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String toJson(Object[] op) {
		StringBuilder json = new StringBuilder("[\"").append(op[0]).append('"');
		for (int i = 1; i < op.length; i++) {
			Object value = op[i];
			json.append(',');
			// bounds travel as strings (Python ints) and repr-exact doubles
			if (value instanceof Long || value instanceof Double) {
				json.append('"').append(value).append('"');
			}
			else {
				json.append(value);
			}
		}
		return json.append(']').toString();
	}

	private static String describe(List<Object[]> ops) {
		return ops.stream().map(java.util.Arrays::toString).toList().toString();
	}

}
