package dev.seedbank.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16.8: the README's curl examples ("A first experiment with curl" and "Index
 * orders"), run as written by bash with {@code set -euo pipefail} against the service on
 * its embedded default. Only the token placeholder and the port are substituted. The
 * recorded-experiment example once asked for {@code offset=40000} of a 20,019-index list
 * and {@code curl -s} saved the 400 into the {@code .bin} file; with {@code -f} any 4xx
 * now fails the script, and this test.
 */
class ReadmeExamplesTests {

	private static final int RANK17_TOTAL = 20_019;

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void theReadmeCurlExamplesRunAsWritten() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("## A first experiment with curl"),
				readme.indexOf("### How exact it is"));
		List<String> blocks = new ArrayList<>();
		Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(section);
		while (block.find()) {
			blocks.add(block.group(1));
		}
		assertThat(blocks).as("the curl and index-order blocks").hasSize(2);
		try (ChildApp app = ChildApp.start("512m")) {
			String script = String.join("\n", blocks)
				.replace("sb_...", ChildApp.TOKEN)
				.replace("localhost:8080", "localhost:" + app.port);
			Path dir = Files.createTempDirectory("seedbank-readme");
			try {
				Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
					.redirectErrorStream(true)
					.start();
				String output = new String(bash.getInputStream().readAllBytes());
				assertThat(bash.waitFor()).as("the README's commands:%n%s", output).isZero();
				System.out.printf("README examples:%n%s%n", output);
				assertThat(Files.readAllLines(dir.resolve("created.txt")).get(0)).contains("201");
				assertThat(Files.size(dir.resolve("rank17-epoch3.bin"))).isEqualTo((RANK17_TOTAL - 10_000) * 8L);
				byte[] npy = Files.readAllBytes(dir.resolve("r17.npy"));
				assertThat(new String(npy, 1, 5)).isEqualTo("NUMPY");
				assertThat(output).contains("\"indices\":[4,7,3,0,6]").contains("\"match\":false");
				// Issue 16.12: a first start shows only warnings meant for the user (the
				// generated token), not Flyway's H2 version note or springdoc's defaults.
				List<String> warnings = app.log().lines().filter((line) -> line.contains(" WARN ")).toList();
				System.out.printf("start-up warnings:%n%s%n", String.join("\n", warnings));
				assertThat(warnings)
					.noneMatch((line) -> line.contains("Flyway has been verified") || line.contains("SpringDoc"));
				assertThat(warnings).anyMatch((line) -> line.contains("Using generated bootstrap ADMIN token")
						|| line.contains("BootstrapToken"));
			}
			finally {
				FileSystemUtils.deleteRecursively(dir);
			}
		}
	}

}
