package dev.seedbank.order;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.seedbank.SeedbankApplication;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in its own JVM with a 160 MiB heap: permutations that cannot fit are clear
 * problems naming the limit and the setting, never an OutOfMemoryError, and the service
 * keeps serving afterwards.
 */
class SmallHeapTests {

	static Process server;

	static Path dataDir;

	static Path log;

	static TestHttp http;

	@BeforeAll
	static void start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		dataDir = Files.createTempDirectory("seedbank-small-heap");
		log = dataDir.resolve("server.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		server = new ProcessBuilder(java, "-Xmx160m", "-cp", System.getProperty("java.class.path"),
				SeedbankApplication.class.getName(), "--spring.profiles.active=default", "--server.port=" + port,
				"--seedbank.data-dir=" + dataDir, "--seedbank.security.bootstrap-token=small-heap-admin-token")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		http = new TestHttp(port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!up()) {
			assertThat(server.isAlive()).as("server exited: %s", tail()).isTrue();
			assertThat(Instant.now()).as("server did not start: %s", tail()).isBefore(deadline);
			Thread.sleep(250);
		}
	}

	private static boolean up() {
		try {
			return http.get("/actuator/health/readiness").status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.destroy();
			server.waitFor();
		}
		FileSystemUtils.deleteRecursively(dataDir.toFile());
	}

	@Test
	void aPermutationBeyondTheBudgetIsA413NamingTheSetting() throws IOException {
		for (long n : List.of(2147483647L, 30_000_000L)) {
			Response response = get(n);
			assertThat(response.status()).as(response.text()).isEqualTo(413);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains("seedbank.order.cache-max-bytes")
				.contains("MiB");
			System.out.printf("small heap: N=%d -> %d %s%n", n, response.status(),
					response.json().get("detail").asString());
		}
		Response small = get(2_000_000L);
		assertThat(small.status()).isEqualTo(200);
		assertThat(small.body()).hasSize(2_000_000 * 8);
		assertThat(server.isAlive()).isTrue();
		assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
	}

	private static Response get(long n) {
		return http.get("/api/v1/samplers/distributed/indices?datasetSize=" + n + "&worldSize=1&rank=0", "Accept",
				"application/octet-stream", "Authorization", "Bearer small-heap-admin-token");
	}

	private static String tail() {
		try {
			String text = Files.readString(log);
			return text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
