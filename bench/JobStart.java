import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Job start for a thousand ranks, as a client that costs little: W ranks of a new epoch of a
 * recorded experiment (n = 1e8), each fetching its whole list as octet-stream through C
 * concurrent keep-alive connections (plain sockets, one thread each, bodies read into a reused
 * buffer and counted: the JDK HttpClient's single selector thread, at about half a core, was
 * what set the time of a cached start). Every 64th rank's body
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
		double copiesBefore = counter("seedbank_permutations_rank_lists_total");
		t0 = System.nanoTime();
		Result whole = start(experiment, 7, w, c);
		double wholeSeconds = (System.nanoTime() - t0) / 1e9;
		double permutations = computed() - before;
		double copies = counter("seedbank_permutations_rank_lists_total") - copiesBefore;
		t0 = System.nanoTime();
		Result again = start(experiment, 7, w, c);
		double cachedSeconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("one cold slice (rank 0 of epoch 0, n=%d, W=%d): %.2f s, %s%n", n, w, coldSeconds, cold);
		System.out.printf("job start: %d ranks of epoch 7 through %d connections: %.2f s, %s%n", w, c, wholeSeconds,
				whole);
		System.out.printf("permutations computed during the start: %.0f; worlds copied rank-major: %.0f%n",
				permutations, copies);
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

	/** Keep-alive connections between starts, as a pool of a client would keep them. */
	static final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

	static Result start(String experiment, int epoch, int ranks, int connections) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger hashed = new AtomicInteger();
		AtomicInteger matched = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < Math.min(connections, ranks); t++) {
			Thread thread = new Thread(() -> {
				Connection connection = idle.poll();
				try {
					if (connection == null) {
						connection = new Connection(URI.create(url));
					}
					for (int r = next.getAndIncrement(); r < ranks; r = next.getAndIncrement()) {
						MessageDigest sha = (r % 64 == 0) ? MessageDigest.getInstance("SHA-256") : null;
						Fetched response = connection.get("/api/v1/experiments/" + experiment + "/epochs/" + epoch
								+ "/ranks/" + r + "/indices", sha);
						if (response.status() == 200 && response.read() == response.length()) {
							ok.incrementAndGet();
						}
						bytes.addAndGet(response.read());
						if (sha != null) {
							hashed.incrementAndGet();
							if (HexFormat.of().formatHex(sha.digest()).equals(response.sha256())) {
								matched.incrementAndGet();
							}
						}
					}
					idle.add(connection);
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(ok.get(), ranks, bytes.get(), hashed.get(), matched.get());
	}

	record Fetched(int status, long length, long read, String sha256) {
	}

	/**
	 * One HTTP/1.1 keep-alive connection over a plain socket: a GET, its headers, its body
	 * read into one reused buffer. The body costs the client the kernel's copy and nothing
	 * else, so the figures measure the server.
	 */
	static final class Connection {

		final InputStream in;

		final OutputStream out;

		final byte[] buffer = new byte[1 << 20];

		Connection(URI base) throws IOException {
			Socket socket = new Socket(base.getHost(), base.getPort());
			socket.setTcpNoDelay(true);
			this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
			this.out = socket.getOutputStream();
		}

		Fetched get(String path, MessageDigest sha) throws IOException {
			this.out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nAccept: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
			int status = Integer.parseInt(line().split(" ")[1]);
			Map<String, String> headers = new HashMap<>();
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
			}
			if (headers.containsKey("content-length")) {
				long length = Long.parseLong(headers.get("content-length"));
				return new Fetched(status, length, body(length, sha), headers.get("seedbank-order-sha256"));
			}
			long read = 0; // chunked: a problem body
			for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
				read += body(size, sha);
				line();
			}
			line();
			return new Fetched(status, -1, read, headers.get("seedbank-order-sha256"));
		}

		long body(long length, MessageDigest sha) throws IOException {
			long read = 0;
			while (read < length) {
				int k = this.in.read(this.buffer, 0, (int) Math.min(this.buffer.length, length - read));
				if (k < 0) {
					throw new EOFException("the server closed the connection mid-body");
				}
				if (sha != null) {
					sha.update(this.buffer, 0, k);
				}
				read += k;
			}
			return read;
		}

		String line() throws IOException {
			StringBuilder text = new StringBuilder();
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new EOFException("the server closed the connection");
				}
				if (b != '\r') {
					text.append((char) b);
				}
			}
			return text.toString();
		}

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
		return counter("seedbank_permutations_computed_total");
	}

	static double counter(String name) throws Exception {
		String text = client.send(request("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).body();
		return text.lines()
			.filter((line) -> line.startsWith(name))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token);
	}

}
