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
 * About 300 random RandomSampler cases (empty and one-element datasets, huge and
 * out-of-range seeds, many epochs, replacement on and off, numSamples below, at and above
 * the dataset size, zero and negative, alone and iterated by a DataLoader) in one process
 * of each real torch, Debian's 1.13.1 and the venv's 2.13.0, against the engine set to
 * that release: order digest and loader base seed, or torch's own error. Then the base
 * seeds that real {@code num_workers=2} loaders hand their workers, read back inside the
 * workers, against {@link RandomSamplerOrder#loaderBaseSeed}.
 */
class RandomSamplerLiveCrossCheckTests {

	private static final int CASES = 300;

	/** Keeps one case's Python work small: (epoch + 1) * numSamples at most this. */
	private static final long WORK_PER_CASE = 20_000;

	/** The same for a DataLoader, whose per-index overhead is ~10x a sampler's. */
	private static final long WORK_PER_LOADER_CASE = 2_000;

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	private static final String ORDERS = """
			import hashlib, struct, sys, torch
			from torch.utils.data import DataLoader, RandomSampler
			def loader(n, g, replacement, num_samples):
			    if num_samples is None and not replacement:
			        return DataLoader(range(n), batch_size=None, shuffle=True, generator=g)
			    return DataLoader(range(n), batch_size=None, generator=g,
			                      sampler=RandomSampler(range(n), replacement, num_samples, generator=g))
			for line in sys.stdin:
			    n, seed, epoch, num_samples, replacement, data_loader = line.split()
			    n, epoch = int(n), int(epoch)
			    num_samples = None if num_samples == "null" else int(num_samples)
			    try:
			        g = torch.Generator().manual_seed(int(seed))
			        if data_loader == "1":
			            source = loader(n, g, replacement == "1", num_samples)
			        else:
			            source = RandomSampler(range(n), replacement == "1", num_samples, generator=g)
			        for _ in range(epoch):
			            for _ in source:
			                pass
			        it = iter(source)
			        base = it._base_seed if data_loader == "1" else -1
			        order = [int(i) for i in it]
			        print(len(order), hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest(), base, flush=True)
			    except Exception as ex:
			        print("RAISE", type(ex).__name__ + ": " + str(ex), flush=True)
			""";

	private static final String WORKERS = """
			import sys, torch
			from torch.utils.data import DataLoader, Dataset, RandomSampler, get_worker_info
			class Seeds(Dataset):
			    def __len__(self):
			        return 12
			    def __getitem__(self, i):
			        return get_worker_info().seed
			for line in sys.stdin:
			    seed, epochs, replacement, num_samples = line.split()
			    g = torch.Generator().manual_seed(int(seed))
			    if replacement == "0" and num_samples == "null":
			        loader = DataLoader(Seeds(), batch_size=None, shuffle=True, generator=g, num_workers=2)
			    else:
			        sampler = RandomSampler(range(12), replacement == "1", None if num_samples == "null" else int(num_samples), generator=g)
			        loader = DataLoader(Seeds(), batch_size=None, sampler=sampler, generator=g, num_workers=2)
			    for epoch in range(int(epochs)):
			        it = iter(loader)
			        seen = sorted(set(int(s) for s in it))
			        print(it._base_seed, " ".join(str(s) for s in seen), flush=True)
			""";

	static Stream<Arguments> torches() {
		return Stream.of(Arguments.of("1.13.1", (Supplier<ReferencePython>) ReferencePython::debianTorch),
				Arguments.of("2.13.0", (Supplier<ReferencePython>) ReferencePython::venv));
	}

	@ParameterizedTest(name = "torch {0}")
	@MethodSource("torches")
	void ordersAndBaseSeedsMatchRealTorch(String torchVersion, Supplier<ReferencePython> reference) {
		ReferencePython python = reference.get();
		long seedOfSeeds = System.nanoTime();
		System.out.println("RandomSampler live " + torchVersion + ": java.util.Random seed " + seedOfSeeds);
		Random random = new Random(seedOfSeeds);
		List<Case> cases = new ArrayList<>(List.of(new Case(0, BigInteger.ONE, 0, null, false, false),
				new Case(0, BigInteger.ONE, 0, 5L, true, false), new Case(0, BigInteger.ONE, 0, 5L, false, true),
				new Case(1, BigInteger.TEN, 3, null, false, true), new Case(1, BigInteger.TEN, 2, 7L, true, false),
				new Case(5, TWO_64, 0, null, false, false),
				new Case(5, TWO_64.subtract(BigInteger.ONE), 1, 0L, true, true),
				new Case(9, BigInteger.valueOf(-4), 2, -1L, false, false)));
		while (cases.size() < CASES) {
			cases.add(randomCase(random));
		}
		StringBuilder input = new StringBuilder();
		cases.forEach((c) -> input.append(c.line()).append('\n'));
		List<String> torch = python.run(ORDERS, input.toString());
		assertThat(torch).hasSize(cases.size());
		TorchVersion version = TorchVersion.parse(torchVersion);
		for (int i = 0; i < cases.size(); i++) {
			assertThat(engine(cases.get(i), version)).as("case %d: %s", i, cases.get(i)).isEqualTo(torch.get(i));
		}
	}

	@ParameterizedTest(name = "torch {0}")
	@MethodSource("torches")
	void realWorkersSeeThePredictedBaseSeeds(String torchVersion, Supplier<ReferencePython> reference) {
		ReferencePython python = reference.get();
		TorchVersion version = TorchVersion.parse(torchVersion);
		int epochs = 3;
		List<Object[]> loaders = List.of(new Object[] { BigInteger.valueOf(-123456789), false, null },
				new Object[] { TWO_64.subtract(BigInteger.valueOf(3)), true, 30L });
		StringBuilder input = new StringBuilder();
		for (Object[] l : loaders) {
			input.append(l[0]).append(' ').append(epochs).append(' ').append(((boolean) l[1]) ? 1 : 0).append(' ');
			input.append(l[2]).append('\n');
		}
		List<String> torch = python.run(WORKERS, input.toString());
		assertThat(torch).hasSize(loaders.size() * epochs);
		for (int l = 0; l < loaders.size(); l++) {
			Object[] loader = loaders.get(l);
			for (int epoch = 0; epoch < epochs; epoch++) {
				long base = RandomSamplerOrder.loaderBaseSeed((BigInteger) loader[0], epoch, 12, (boolean) loader[1],
						(Long) loader[2], version);
				assertThat(torch.get(l * epochs + epoch))
					.as("loader %d, epoch %d: _base_seed, then the seeds workers saw", l, epoch)
					.isEqualTo(base + " " + base + " " + (base + 1));
			}
		}
	}

	private static Case randomCase(Random random) {
		boolean dataLoader = random.nextBoolean();
		long n = switch (random.nextInt(6)) {
			case 0 -> random.nextInt(2);
			case 1, 2 -> random.nextInt(20);
			case 3, 4 -> random.nextInt(dataLoader ? 300 : 1000);
			default -> random.nextInt(dataLoader ? 1500 : 20_000);
		};
		boolean replacement = random.nextBoolean();
		Long numSamples = switch (random.nextInt(7)) {
			case 0, 1 -> null;
			case 2 -> Math.max(1, n / 2);
			case 3 -> n;
			case 4 -> n + 1 + random.nextInt((int) (2 * n + 1));
			case 5 -> (long) random.nextInt(100);
			default -> (random.nextInt(20) == 0) ? (long) -random.nextInt(3) : (long) (1 + random.nextInt(70));
		};
		long samples = Math.max(1, (numSamples != null) ? numSamples : n);
		long epoch = Math.min(random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(4),
				(dataLoader ? WORK_PER_LOADER_CASE : WORK_PER_CASE) / samples - 1);
		BigInteger seed = switch (random.nextInt(6)) {
			case 0 -> BigInteger.valueOf(random.nextInt(100));
			case 1 -> BigInteger.valueOf(random.nextLong());
			case 2 -> new BigInteger(64, random);
			case 3 -> (random.nextInt(4) == 0) ? TWO_64.add(BigInteger.valueOf(random.nextInt(5)))
					: TWO_64.subtract(BigInteger.ONE);
			default -> BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL);
		};
		return new Case(n, seed, Math.max(0, epoch), numSamples, replacement, dataLoader);
	}

	/** The engine's answer in the script's format. */
	private static String engine(Case c, TorchVersion version) {
		try {
			RandomSamplerOrder order = RandomSamplerOrder.of(new RandomSamplerParameters(c.n(), c.seed(), c.epoch(),
					c.numSamples(), c.replacement(), c.dataLoader(), version));
			return order.length() + " " + order.sha256() + " " + order.loaderBaseSeed().orElse(-1);
		}
		catch (TorchWouldRaiseException ex) {
			String raised = ex.getMessage().substring(ex.getMessage().indexOf(" would raise ") + 13);
			int note = raised.indexOf(" (manual_seed(");
			return "RAISE " + ((note >= 0) ? raised.substring(0, note) : raised);
		}
	}

	record Case(long n, BigInteger seed, long epoch, Long numSamples, boolean replacement, boolean dataLoader) {

		String line() {
			return n + " " + seed + " " + epoch + " " + numSamples + " " + (replacement ? 1 : 0) + " "
					+ (dataLoader ? 1 : 0);
		}

	}

}
