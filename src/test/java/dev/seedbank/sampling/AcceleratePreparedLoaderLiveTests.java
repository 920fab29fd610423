package dev.seedbank.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.seedbank.reference.ReferencePython;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Random cases through the real accelerate 1.15.0 and torch 2.13 of the reference venv
 * (one Python process, {@code accelerate/prepared_loader_cases.py}) and through the
 * engine, compared by order digest, for the whole epoch and for a
 * {@code skip_first_batches} resume.
 */
class AcceleratePreparedLoaderLiveTests {

	private static final int CASES = 220;

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	@Test
	void engineMatchesRealAccelerateOnRandomCases() throws IOException {
		ReferencePython python = ReferencePython.venv();
		long seedOfSeeds = System.nanoTime();
		System.out.println("live accelerate cross-check: java.util.Random seed " + seedOfSeeds);
		Random random = new Random(seedOfSeeds);
		List<long[]> cases = new ArrayList<>();
		List<BigInteger> seeds = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			int p = 1 + random.nextInt(8);
			boolean splitBatches = random.nextInt(3) == 0;
			int b = (splitBatches && random.nextInt(4) != 0) ? p * (1 + random.nextInt(Math.max(1, 16 / p)))
					: 1 + random.nextInt(16);
			long n = switch (random.nextInt(6)) {
				case 0 -> random.nextInt(2);
				case 1 -> random.nextInt(p + 1);
				case 2 -> random.nextInt(b * p + 1);
				case 3 -> random.nextInt(200);
				case 4 -> random.nextInt(400);
				default -> b * p * (1 + random.nextInt(4)) + random.nextInt(3) - 1;
			};
			n = Math.max(0, n);
			long epoch = (random.nextInt(10) == 0) ? -random.nextInt(3) : random.nextInt(6);
			BigInteger seed = switch (random.nextInt(20)) {
				case 0 -> random.nextBoolean() ? TWO_64 : BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);
				case 1, 2, 3 -> TWO_64.subtract(BigInteger.valueOf(1 + random.nextInt(8)));
				case 4, 5, 6, 7 -> new BigInteger(64, random);
				case 8, 9, 10 -> BigInteger.valueOf(random.nextLong());
				case 11, 12, 13, 14 -> BigInteger.valueOf(random.nextInt(100));
				default -> BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL);
			};
			long shuffle = (random.nextInt(5) == 0) ? 0 : 1;
			long drop = random.nextInt(2);
			long even = (random.nextInt(4) == 0) ? 0 : 1;
			long split = splitBatches ? 1 : 0;
			int processIndex = random.nextInt(p);
			long skip = random.nextInt(4);
			long[] row = { n, p, processIndex, b, epoch, shuffle, drop, even, split, skip };
			cases.add(row);
			seeds.add(seed);
			input.append(n).append(' ').append(p).append(' ').append(processIndex).append(' ').append(b).append(' ');
			input.append(epoch).append(' ').append(seed).append(' ').append(shuffle).append(' ').append(drop);
			input.append(' ').append(even).append(' ').append(split).append(' ').append(skip).append('\n');
		}
		List<String> real = python.run(script(), input.toString());
		assertThat(real).hasSize(CASES);
		int raised = 0;
		for (int c = 0; c < CASES; c++) {
			long[] r = cases.get(c);
			String description = String.format(
					"case %d: n=%d P=%d i=%d B=%d epoch=%d seed=%s shuffle=%d dropLast=%d even=%d split=%d skip=%d", c,
					r[0], r[1], r[2], r[3], r[4], seeds.get(c), r[5], r[6], r[7], r[8], r[9]);
			AccelerateLoaderParameters parameters = new AccelerateLoaderParameters(r[0], (int) r[1], (int) r[2],
					(int) r[3], r[4], seeds.get(c), r[5] == 1, r[6] == 1, r[7] == 1, r[8] == 1,
					AccelerateVersion.NEWEST, TorchVersion.parse("2.13.0"));
			if (real.get(c).startsWith("raise ")) {
				raised++;
				assertThat(catchThrowable(() -> AcceleratePreparedLoader.of(parameters)))
					.as(description + ": accelerate says " + real.get(c))
					.isInstanceOf(LibraryWouldRaiseException.class);
				continue;
			}
			AcceleratePreparedLoader loader = AcceleratePreparedLoader.of(parameters);
			IndexOrder order = loader.order();
			long offset = loader.skipFirstBatchesOffset(r[9]);
			String engine = order.length() + " " + order.sha256() + " " + (order.length() - offset) + " "
					+ sha256(order, offset);
			assertThat(engine).as(description).isEqualTo(real.get(c));
		}
		System.out.println("live accelerate cross-check: " + raised + " of " + CASES + " cases raise in accelerate");
	}

	private static String sha256(IndexOrder order, long from) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteBuffer buffer = ByteBuffer.allocate((int) (order.length() - from) * Long.BYTES);
			order.write(from, order.length(), buffer);
			digest.update(buffer.array(), 0, buffer.position());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String script() throws IOException {
		try (InputStream in = AcceleratePreparedLoaderLiveTests.class
			.getResourceAsStream("/accelerate/prepared_loader_cases.py")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
