package dev.seedbank.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real reference packages the live cross-checks run against.
 * <ul>
 * <li>{@link #venv()}: a venv of the default python3 with torch 2.13.0+cpu, accelerate
 * 1.15.0, lightning 2.6.6, datasets 5.0.1 and numpy 2.4 from the machine's local wheel
 * index, built (or reused from its cache) by {@code .ci/python-venv};
 * {@code SEEDBANK_REFERENCE_PYTHON} names another interpreter.</li>
 * <li>{@link #debianTorch()}: Debian's {@code /usr/bin/python3} with python3-torch
 * 1.13.1.</li>
 * </ul>
 * Where one is missing the test is skipped, except under {@code CI=true}, where it fails:
 * a cross-check that did not run must never be reported as passing.
 */
public final class ReferencePython {

	private static final Path DEBIAN = Path.of("/usr/bin/python3");

	private static volatile ReferencePython venv;

	private final Path python;

	private ReferencePython(Path python) {
		this.python = python;
	}

	/**
	 * @return the venv's interpreter, built on first use
	 */
	public static ReferencePython venv() {
		ReferencePython found = venv;
		if (found == null) {
			synchronized (ReferencePython.class) {
				if (venv == null) {
					venv = locateVenv();
				}
				found = venv;
			}
		}
		return found;
	}

	/**
	 * @return Debian's python3 with torch 1.13.1
	 */
	public static ReferencePython debianTorch() {
		ReferencePython debian = new ReferencePython(DEBIAN);
		debian.require("import torch, numpy", "apt-get install python3-torch python3-numpy");
		return debian;
	}

	private static ReferencePython locateVenv() {
		String configured = System.getenv("SEEDBANK_REFERENCE_PYTHON");
		Path python;
		if (configured != null && !configured.isBlank()) {
			python = Path.of(configured);
		}
		else {
			python = buildVenv();
		}
		ReferencePython reference = new ReferencePython(python);
		reference.require("import torch, accelerate, lightning, datasets, numpy", ".ci/python-venv builds it");
		return reference;
	}

	private static Path buildVenv() {
		Path script = Path.of(".ci/python-venv").toAbsolutePath();
		if (!Files.isExecutable(script)) {
			return Path.of("/nonexistent/.ci/python-venv");
		}
		try {
			Process build = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!build.waitFor(15, TimeUnit.MINUTES) || build.exitValue() != 0 || out.isEmpty()) {
				return Path.of("/nonexistent/reference-venv");
			}
			return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
		}
		catch (IOException ex) {
			return Path.of("/nonexistent/reference-venv");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void require(String imports, String howToInstall) {
		boolean present;
		try {
			present = Files.isExecutable(this.python)
					&& new ProcessBuilder(this.python.toString(), "-c", imports).start().waitFor() == 0;
		}
		catch (IOException ex) {
			present = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (!present) {
			String message = this.python + " cannot run '" + imports + "' (" + howToInstall + ")";
			if ("true".equals(System.getenv("CI"))) {
				fail("CI=true but " + message);
			}
			Assumptions.abort(message);
		}
	}

	/**
	 * @return the interpreter's path
	 */
	public Path path() {
		return this.python;
	}

	/**
	 * Runs a script with the given standard input and returns its output lines; a
	 * non-zero exit fails the test.
	 * @param script the Python source
	 * @param input what the script reads on stdin
	 * @return stdout, line by line
	 */
	public List<String> run(String script, String input) {
		try {
			Process process = new ProcessBuilder(this.python.toString(), "-c", script)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as("exit status of " + this.python).isZero();
			return output.lines().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
