package dev.seedbank.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while a 160 MB index download streams to a slow client: the download completes
 * with every byte and the right digest, new connections are refused at once, and the
 * process exits by itself.
 */
class GracefulShutdownTests {

	private static final long N = 20_000_000;

	/** Reads of 64 KiB with a 1 ms pause: at most ~60 MB/s, so 160 MB take seconds. */
	private static final int CHUNK = 64 * 1024;

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void aDownloadInFlightAtSigtermCompletesAndNewConnectionsAreRefused() throws Exception {
		try (ChildApp app = ChildApp.start("512m")) {
			try (Socket socket = new Socket()) {
				socket.setReceiveBufferSize(CHUNK);
				socket.connect(new InetSocketAddress("127.0.0.1", app.port), 5000);
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				out.write(("GET /api/v1/samplers/distributed/indices?datasetSize=" + N
						+ "&worldSize=1&rank=0&seed=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Accept: application/octet-stream\r\n" + ChildApp.AUTH[0] + ": " + ChildApp.AUTH[1]
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				InputStream in = new BufferedInputStream(socket.getInputStream(), CHUNK);
				Map<String, String> headers = headers(in);
				assertThat(headers.get(":status")).contains(" 200 ");
				long length = Long.parseLong(headers.get("content-length"));
				assertThat(length).isEqualTo(N * Long.BYTES);

				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				byte[] buffer = new byte[CHUNK];
				AtomicLong received = new AtomicLong();
				CompletableFuture<long[]> refused = null;
				long sigterm = 0;
				while (received.get() < length) {
					int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - received.get()));
					if (read < 0) {
						break;
					}
					sha256.update(buffer, 0, read);
					received.addAndGet(read);
					if (refused == null && received.get() >= length / 10) {
						sigterm = System.nanoTime();
						app.process.destroy();
						long signalled = sigterm;
						refused = CompletableFuture.supplyAsync(() -> probeUntilRefused(app.port, signalled, received));
					}
					Thread.sleep(1);
				}
				double downloadSeconds = (System.nanoTime() - sigterm) / 1e9;
				assertThat(received.get()).as("bytes received").isEqualTo(length);
				assertThat(in.read()).as("nothing after the body").isEqualTo(-1);
				assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(headers.get("seedbank-order-sha256"));

				long[] refusal = refused.get(30, TimeUnit.SECONDS);
				assertThat(refusal[0]).as("a new connection was refused").isPositive();
				assertThat(refusal[1]).as("refused while the download was still streaming").isLessThan(length);
				assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).as("exited after the download").isTrue();
				int exit = app.process.exitValue();
				System.out.printf("graceful shutdown: SIGTERM after %,d of %,d bytes; new connections refused %.0f ms "
						+ "later (%,d bytes in); the download completed %.1f s after SIGTERM with the right digest; "
						+ "exit code %d%n", length / 10, length, refusal[0] / 1e6, refusal[1], downloadSeconds, exit);
				assertThat(exit).as("exit code: 143 is 128 + SIGTERM, the JVM's usual code").isIn(0, 143);
				assertThat(app.log()).contains("Graceful shutdown complete");
			}
		}
	}

	/**
	 * @return nanoseconds from SIGTERM to the first refused connection, and the bytes the
	 * download had received by then
	 */
	private static long[] probeUntilRefused(int port, long sigterm, AtomicLong received) {
		long deadline = sigterm + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
			catch (ConnectException ex) {
				return new long[] { System.nanoTime() - sigterm, received.get() };
			}
			catch (IOException ex) {
				// a timeout: try again
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new long[] { 0, received.get() };
	}

	private static Map<String, String> headers(InputStream in) throws IOException {
		Map<String, String> headers = new HashMap<>();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		boolean first = true;
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1).trim();
				line.reset();
				if (text.isEmpty()) {
					return headers;
				}
				if (first) {
					headers.put(":status", text + " ");
					first = false;
				}
				else {
					int colon = text.indexOf(':');
					headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							text.substring(colon + 1).trim());
				}
			}
			else {
				line.write(b);
			}
		}
		throw new IOException("connection closed in the headers: " + headers);
	}

}
