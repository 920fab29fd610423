package dev.seedbank.order;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.reference.ReferencePython;
import dev.seedbank.web.Digests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few random cases per stateless endpoint, asked over HTTP and run in the real packages
 * of the reference venv (torch 2.13.0, accelerate 1.15.0, datasets 5.0.1, lightning
 * 2.6.6): the served list's digest and length, or the 422 for what the package raised;
 * for {@code /seeds/workers}, the seeds real DataLoader workers hold. The engines' own
 * live checks run hundreds of cases; these check that the edge passes each parameter
 * through as the package reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplersLiveOverHttpTests extends EndToEndTest {

	private static final int CASES = 12;

	/**
	 * {@code RandomSamplerLiveCrossCheckTests}' script: "length sha256 baseSeed" or
	 * "RAISE message" per case line "n seed epoch numSamples replacement dataLoader".
	 */
	private static final String RANDOM_ORDERS = """
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

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	ReferencePython python;

	Random random;

	@BeforeAll
	void setUp() {
		this.python = ReferencePython.venv();
		long seedOfSeeds = System.nanoTime();
		System.out.println("stateless samplers live over HTTP: java.util.Random seed " + seedOfSeeds);
		this.random = new Random(seedOfSeeds);
	}

	@Test
	void randomSamplerAsTorchIteratesIt() {
		List<String> queries = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			long n = (c == 0) ? 0 : this.random.nextInt(300);
			boolean replacement = this.random.nextBoolean();
			boolean dataLoader = this.random.nextBoolean();
			Long numSamples = this.random.nextBoolean() ? null : (long) this.random.nextInt(400);
			long epoch = this.random.nextInt(4);
			BigInteger seed = (c == 1) ? TWO_64 : new BigInteger(64, this.random);
			input.append("%d %s %d %s %d %d%n".formatted(n, seed, epoch, numSamples, replacement ? 1 : 0,
					dataLoader ? 1 : 0));
			queries.add("/api/v1/samplers/random/indices?datasetSize=%d&seed=%s&epoch=%d&replacement=%s&dataLoader=%s"
				.formatted(n, seed, epoch, replacement, dataLoader)
					+ ((numSamples != null) ? "&numSamples=" + numSamples : ""));
		}
		List<String> torch = this.python.run(RANDOM_ORDERS, input.toString());
		assertThat(torch).hasSize(CASES);
		for (int c = 0; c < CASES; c++) {
			String real = torch.get(c);
			if (real.startsWith("RAISE ")) {
				assertRaised(queries.get(c), real.substring(6));
			}
			else {
				String[] fields = real.split(" ");
				assertServed(queries.get(c), Long.parseLong(fields[0]), fields[1]);
			}
		}
	}

	@Test
	void accelerateAsItsPreparedLoaderYields() throws IOException {
		List<String> queries = new ArrayList<>();
		List<Long> batches = new ArrayList<>();
		List<Long> skips = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			int p = 1 + this.random.nextInt(5);
			boolean split = this.random.nextInt(3) == 0;
			int b = split ? p * (1 + this.random.nextInt(4)) : 1 + this.random.nextInt(9);
			long n = (c == 0) ? 0 : this.random.nextInt(120);
			int processIndex = this.random.nextInt(p);
			long epoch = this.random.nextInt(5);
			BigInteger seed = (c == 1) ? TWO_64.subtract(BigInteger.ONE) : BigInteger.valueOf(this.random.nextLong());
			boolean shuffle = this.random.nextInt(4) != 0;
			boolean drop = this.random.nextBoolean();
			boolean even = this.random.nextInt(4) != 0;
			long skip = this.random.nextInt(4);
			input.append("%d %d %d %d %d %s %d %d %d %d %d%n".formatted(n, p, processIndex, b, epoch, seed,
					shuffle ? 1 : 0, drop ? 1 : 0, even ? 1 : 0, split ? 1 : 0, skip));
			queries.add(("/api/v1/samplers/accelerate/indices?datasetSize=%d&numProcesses=%d&processIndex=%d"
					+ "&batchSize=%d&epoch=%d&seed=%s&shuffle=%s&dropLast=%s&evenBatches=%s&splitBatches=%s")
				.formatted(n, p, processIndex, b, epoch, seed, shuffle, drop, even, split));
			batches.add(split ? (long) (b / p) : b);
			skips.add(skip);
		}
		List<String> accelerate = this.python.run(resource("/accelerate/prepared_loader_cases.py"), input.toString());
		assertThat(accelerate).hasSize(CASES);
		for (int c = 0; c < CASES; c++) {
			String[] real = accelerate.get(c).split(" ");
			if (real[0].equals("raise")) {
				assertRaised(queries.get(c), real[1]);
				continue;
			}
			long length = Long.parseLong(real[0]);
			assertServed(queries.get(c), length, real[1]);
			long offset = Math.min(skips.get(c) * batches.get(c), length);
			Response resumed = this.http.get(queries.get(c) + "&offset=" + offset, "Accept",
					"application/octet-stream");
			assertThat(resumed.body().length / Long.BYTES).as(queries.get(c) + " resumed")
				.isEqualTo(Integer.parseInt(real[2]));
			assertThat(Digests.sha256Hex(resumed.body())).as(queries.get(c) + " resumed").isEqualTo(real[3]);
		}
	}

	@Test
	void hfDatasetsAsShuffleThenShardYields() throws IOException {
		List<String> queries = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int c = 0; c < CASES; c++) {
			long n = (c == 0) ? 0 : this.random.nextInt(800);
			long numShards = (c == 1) ? 0 : 1 + this.random.nextInt(6);
			long index = (c == 2) ? numShards : this.random.nextInt((int) Math.max(1, numShards));
			BigInteger seed = (c == 3) ? BigInteger.valueOf(-1)
					: new BigInteger(this.random.nextInt(1, 200), this.random);
			boolean contiguous = this.random.nextBoolean();
			input.append(
					"{\"datasetSize\": %d, \"seed\": \"%s\", \"numShards\": %d, \"shardIndex\": %d, \"contiguous\": %s}%n"
						.formatted(n, seed, numShards, index, contiguous ? "true" : "false"));
			queries.add(
					"/api/v1/samplers/hf-datasets/indices?datasetSize=%d&seed=%s&numShards=%d&shardIndex=%d&contiguous=%s"
						.formatted(n, seed, numShards, index, contiguous));
		}
		List<String> datasets = this.python.run(resource("/hf/hf_datasets_case.py"), input.toString());
		assertThat(datasets).hasSize(CASES);
		for (int c = 0; c < CASES; c++) {
			String real = datasets.get(c);
			if (real.startsWith("raise ")) {
				assertRaised(queries.get(c), real.substring(6));
			}
			else {
				String[] fields = real.split(" ");
				assertServed(queries.get(c), Long.parseLong(fields[0]), fields[1]);
			}
		}
	}

	@Test
	void workerSeedsAreWhatRealWorkersHold() throws IOException {
		int epochs = 2;
		StringBuilder input = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			BigInteger loaderSeed = BigInteger.valueOf(this.random.nextLong() >>> 1);
			int workers = 2 + c % 2;
			int rank = this.random.nextInt(70_000);
			boolean lightning = c >= 2;
			boolean shuffle = c % 2 == 1;
			boolean persistent = c == 3;
			int datasetSize = 12 + this.random.nextInt(40);
			input.append("%s %d %d %d %d %d %d %d".formatted(loaderSeed, workers, rank, epochs, lightning ? 1 : 0,
					shuffle ? 1 : 0, datasetSize, persistent ? 1 : 0));
			for (int epoch = 0; epoch < epochs; epoch++) {
				String query = "/api/v1/seeds/workers?loaderSeed=%s&epoch=%d&numWorkers=%d&rank=%d&persistentWorkers=%s"
					.formatted(loaderSeed, epoch, workers, rank, persistent)
						+ (lightning ? "&framework=lightning&seedWorkers=true" : "")
						+ (shuffle ? "&shuffle=true&datasetSize=" + datasetSize : "");
				Response response = this.http.get(query);
				assertThat(response.status()).as(response.text()).isEqualTo(200);
				for (JsonNode worker : response.json().get("workers")) {
					input.append(' ').append(worker.get("randomSeed").asString());
					worker.get("numpySeed").forEach((word) -> input.append(' ').append(word.asString()));
					expected.add(epoch + " " + worker.get("workerId").asInt() + " " + worker.get("seed").asString()
							+ " 1 1");
				}
			}
			input.append('\n');
		}
		List<String> real = this.python.run(resource("/seeds/stateless_workers_check.py"), input.toString());
		assertThat(real).as("epoch, worker, torch.initial_seed(), random ok, numpy ok").isEqualTo(expected);
	}

	private void assertServed(String query, long length, String sha256) {
		Response response = this.http.get(query, "Accept", "application/octet-stream");
		assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
		assertThat(response.header("Seedbank-Total-Count")).as(query).isEqualTo(Long.toString(length));
		assertThat(response.header("Seedbank-Order-Sha256")).as(query).isEqualTo(sha256);
		assertThat(Digests.sha256Hex(response.body())).as(query).isEqualTo(sha256);
	}

	private void assertRaised(String query, String raised) {
		Response response = this.http.get(query);
		assertThat(response.status()).as(query + " raises " + raised + ": " + response.text()).isEqualTo(422);
		assertThat(response.json().get("detail").asString()).as(query).contains(raised);
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = SamplersLiveOverHttpTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
