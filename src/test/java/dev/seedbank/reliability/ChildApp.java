package dev.seedbank.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.seedbank.SeedbankApplication;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in its own JVM, started from the test classpath on the embedded default
 * database (as {@code order/SmallHeapTests} does), with its output in a log file.
 */
final class ChildApp implements AutoCloseable {

	static final String TOKEN = "reliability-admin-token";

	static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	final Process process;

	final int port;

	final TestHttp http;

	private final Path dataDir;

	private final Path log;

	private ChildApp(Process process, int port, Path dataDir, Path log) {
		this.process = process;
		this.port = port;
		this.http = new TestHttp(port);
		this.dataDir = dataDir;
		this.log = log;
	}

	static ChildApp start(String heap, String... settings) throws IOException, InterruptedException {
		int port = freePort();
		Path dataDir = Files.createTempDirectory("seedbank-child");
		Path log = dataDir.resolve("server.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp",
						System.getProperty("java.class.path"), SeedbankApplication.class.getName(),
						"--spring.profiles.active=default", "--server.port=" + port, "--seedbank.data-dir=" + dataDir,
						"--seedbank.security.bootstrap-token=" + TOKEN));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ChildApp app = new ChildApp(process, port, dataDir, log);
		// Generous: on a 2-core machine shared with other builds a start has taken over
		// 90 s.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		try {
			while (!app.ready()) {
				assertThat(process.isAlive()).as("server exited: %s", app.tail()).isTrue();
				assertThat(Instant.now()).as("server did not start: %s", app.tail()).isBefore(deadline);
				Thread.sleep(200);
			}
		}
		catch (Throwable failed) {
			// A child that never became ready must not outlive the test run.
			app.close();
			throw failed;
		}
		return app;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	boolean ready() {
		try {
			return this.http.get("/actuator/health/readiness", AUTH).status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	Response get(String path, String... headers) {
		String[] all = new String[headers.length + 2];
		System.arraycopy(AUTH, 0, all, 0, 2);
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.http.get(path, all);
	}

	String log() throws IOException {
		return Files.readString(this.log);
	}

	String tail() {
		try {
			String text = log();
			return text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(40, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		FileSystemUtils.deleteRecursively(this.dataDir.toFile());
	}

}
