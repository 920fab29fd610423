package dev.seedbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's structure, checked without a Docker engine.
 */
class DockerfileTests {

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private static Dockerfile dockerfile;

	@BeforeAll
	static void read() throws IOException {
		dockerfile = Dockerfile.read(Path.of("Dockerfile"));
	}

	@Test
	void buildsWithTheWrapperOnAJdkAndRunsOnAJre() {
		assertThat(dockerfile.stages()).hasSize(2);
		Dockerfile.Stage build = dockerfile.stages().get(0);
		assertThat(build.image()).isEqualTo("eclipse-temurin:17-jdk");
		assertThat(build.name()).isEqualTo("build");
		assertThat(build.all("RUN")).extracting(Dockerfile.Instruction::arguments)
			.anyMatch((run) -> run.contains("./mvnw") && run.contains("package"))
			.anyMatch((run) -> run.contains("-Djarmode=tools") && run.contains("extract --layers --launcher"));
		assertThat(dockerfile.last().image()).isEqualTo("eclipse-temurin:17-jre");
	}

	@Test
	void copiesEachSpringBootLayerSeparatelyFromTheLeastToTheMostChanging() {
		List<String> copies = dockerfile.last()
			.all("COPY")
			.stream()
			.map(Dockerfile.Instruction::arguments)
			.filter((arguments) -> arguments.startsWith("--from=build"))
			.toList();
		assertThat(copies).hasSize(LAYERS.size());
		for (int i = 0; i < LAYERS.size(); i++) {
			assertThat(copies.get(i)).as("COPY %d", i).matches("--from=build \\S*/" + LAYERS.get(i) + "/ \\./");
		}
		assertThat(dockerfile.last().all("ENTRYPOINT")).singleElement()
			.extracting(Dockerfile.Instruction::arguments)
			.asString()
			.contains("org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void runsAsANumericNonRootUser() {
		List<Dockerfile.Instruction> users = dockerfile.last().all("USER");
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).arguments().split(":")[0];
		assertThat(user).as("numeric, so Kubernetes can verify runAsNonRoot").matches("[0-9]+");
		assertThat(Integer.parseInt(user)).isNotZero().isEqualTo(10001);
		List<Dockerfile.Instruction> instructions = dockerfile.last().instructions();
		int lastRun = -1;
		for (int i = 0; i < instructions.size(); i++) {
			lastRun = instructions.get(i).is("RUN") ? i : lastRun;
		}
		assertThat(instructions.lastIndexOf(users.get(users.size() - 1)))
			.as("USER comes after the last RUN, so nothing at start-up runs as root")
			.isGreaterThan(lastRun);
	}

	@Test
	void exposesTheHttpPort() {
		assertThat(dockerfile.last().all("EXPOSE")).extracting(Dockerfile.Instruction::arguments)
			.containsExactly("8080");
	}

	@Test
	void sizesTheHeapFromTheContainerLimit() {
		String runtime = String.join(" ",
				dockerfile.last()
					.instructions()
					.stream()
					.filter((instruction) -> instruction.is("ENV") || instruction.is("ENTRYPOINT"))
					.map(Dockerfile.Instruction::arguments)
					.toList());
		assertThat(runtime).contains("-XX:MaxRAMPercentage=75");
	}

	@Test
	void bakesNoSecretsIntoTheImage() {
		Pattern secretish = Pattern.compile("(?i)(SECRET|PASSWORD|TOKEN)");
		for (String keyword : List.of("ENV", "ARG", "LABEL")) {
			for (Dockerfile.Instruction instruction : dockerfile.all(keyword)) {
				Matcher matcher = secretish.matcher(instruction.arguments());
				assertThat(matcher.find()).as("%s %s", keyword, instruction.arguments()).isFalse();
			}
		}
	}

	@Test
	void buildContextIsAnAllowList() throws IOException {
		List<String> patterns = Files.readAllLines(Path.of(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(patterns.get(0)).as("everything is excluded first").isEqualTo("*");
		assertThat(patterns).contains("!src/", "!pom.xml", "!mvnw", "!.mvn/")
			.noneMatch((pattern) -> pattern.startsWith("!target") || pattern.startsWith("!.git")
					|| pattern.startsWith("!data") || pattern.startsWith("!helm"));
	}

}
