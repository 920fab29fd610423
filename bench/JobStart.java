import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Job start for a thousand ranks, as a client that costs little: W ranks of a new epoch of a
 * recorded experiment (n = 1e8), each fetching its whole list as octet-stream through C
 * concurrent connections (JDK HttpClient, bodies counted, not kept). Every 64th rank's body
 * is hashed and compared with its Seedbank-Order-Sha256 header (hashing all 800 MB would
 * put the client's cost back on the two cores the server uses); every body's length is
 * checked. Run by bench/job-start.sh: java bench/JobStart.java URL TOKEN [N] [W] [C]
 */
class JobStart {

	static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static String url;

	static String token;

	public static void main(String[] args) throws Exception {
		url = args[0];
		token = args[1];
		long n = (args.length > 2) ? Long.parseLong(args[2]) : 100_000_000L;
		int w = (args.length > 3) ? Integer.parseInt(args[3]) : 1024;
		int c = (args.length > 4) ? Integer.parseInt(args[4]) : 256;
		// The server's JIT warmed on the same paths at a tenth of the size, so the cold slice
		// and the start are both measured warm.
		start(create(n / 10, w), 0, w, c);
		String experiment = create(n, w);
		long t0 = System.nanoTime();
		Result cold = start(experiment, 0, 1, 1);
		double coldSeconds = (System.nanoTime() - t0) / 1e9;
		double before = computed();
		t0 = System.nanoTime();
		Result whole = start(experiment, 7, w, c);
		double wholeSeconds = (System.nanoTime() - t0) / 1e9;
		double permutations = computed() - before;
		t0 = System.nanoTime();
		Result again = start(experiment, 7, w, c);
		double cachedSeconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("one cold slice (rank 0 of epoch 0, n=%d, W=%d): %.2f s, %s%n", n, w, coldSeconds, cold);
		System.out.printf("job start: %d ranks of epoch 7 through %d connections: %.2f s, %s%n", w, c, wholeSeconds,
				whole);
		System.out.printf("permutations computed during the start: %.0f%n", permutations);
		System.out.printf("the same start again, cached: %.2f s, %s%n", cachedSeconds, again);
		System.out.printf("ratio whole start / one cold slice: %.2f (goal <= 3); cached start / cold slice: %.2f%n",
				wholeSeconds / coldSeconds, cachedSeconds / coldSeconds);
	}

	record Result(int ok, int of, long bytes, int hashed, int digestsMatch) {
		@Override
		public String toString() {
			return String.format("%d/%d answered 200, %d bytes, %d/%d sampled digests match", this.ok, this.of,
					this.bytes, this.digestsMatch, this.hashed);
		}
	}

	static Result start(String experiment, int epoch, int ranks, int connections) throws Exception {
		Semaphore slots = new Semaphore(connections);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger hashed = new AtomicInteger();
		AtomicInteger matched = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		CompletableFuture<?>[] all = new CompletableFuture<?>[ranks];
		for (int r = 0; r < ranks; r++) {
			slots.acquire();
			MessageDigest sha = (r % 64 == 0) ? MessageDigest.getInstance("SHA-256") : null;
			AtomicLong length = new AtomicLong();
			HttpRequest request = request("/api/v1/experiments/" + experiment + "/epochs/" + epoch + "/ranks/" + r
					+ "/indices").header("Accept", "application/octet-stream").build();
			all[r] = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer((chunk) -> chunk.ifPresent((b) -> {
				length.addAndGet(b.length);
				if (sha != null) {
					sha.update(b);
				}
			}))).whenComplete((response, failure) -> {
				slots.release();
				if (failure != null) {
					failure.printStackTrace();
					return;
				}
				long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
				if (response.statusCode() == 200 && length.get() == expected) {
					ok.incrementAndGet();
				}
				bytes.addAndGet(length.get());
				if (sha != null) {
					hashed.incrementAndGet();
					String digest = HexFormat.of().formatHex(sha.digest());
					if (digest.equals(response.headers().firstValue("Seedbank-Order-Sha256").orElse(""))) {
						matched.incrementAndGet();
					}
				}
			});
		}
		CompletableFuture.allOf(all).exceptionally((ex) -> null).join();
		return new Result(ok.get(), ranks, bytes.get(), hashed.get(), matched.get());
	}

	static String create(long n, int w) throws Exception {
		String body = String.format("{\"name\":\"job-start-%d\",\"framework\":\"torch\",\"frameworkVersion\":\"2.5.1\","
				+ "\"torchVersion\":\"2.5.1\",\"globalSeed\":17,\"dataSeedPolicy\":\"LINKED\",\"sampler\":"
				+ "{\"datasetSize\":%d,\"worldSize\":%d,\"shuffle\":true,\"dropLast\":false}}", System.nanoTime(), n, w);
		HttpResponse<String> response = client.send(request("/api/v1/experiments")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (response.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
		}
		return id.group(1);
	}

	/** The permutation cache's own counter, seedbank_permutations_computed_total. */
	static double computed() throws Exception {
		String text = client.send(request("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).body();
		return text.lines()
			.filter((line) -> line.startsWith("seedbank_permutations_computed_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token);
	}

}
