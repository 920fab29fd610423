package dev.seedbank;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the application exactly as {@code ./mvnw spring-boot:run} does with no settings
 * (embedded H2 in PostgreSQL mode, same Flyway migrations), only with its data directory
 * moved to a temporary folder. Like a developer, it reads the generated bootstrap token
 * from the start-up log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultTests {

	private static final Pattern GENERATED_TOKEN = Pattern
		.compile("Using generated bootstrap ADMIN token: (sb_[A-Za-z0-9_-]{43})\\R");

	static Path dataDir;

	static ConfigurableApplicationContext context;

	static TestHttp http;

	@BeforeAll
	static void start(CapturedOutput output) throws Exception {
		dataDir = Files.createTempDirectory("seedbank-embedded");
		context = new SpringApplicationBuilder(SeedbankApplication.class).run("--spring.profiles.active=default",
				"--server.port=0", "--seedbank.data-dir=" + dataDir);
		Matcher token = GENERATED_TOKEN.matcher(output.getAll());
		assertThat(token.find()).as("a generated token in the start-up log").isTrue();
		http = new TestHttp(((WebServerApplicationContext) context).getWebServer().getPort(), token.group(1));
	}

	@AfterAll
	static void stop() {
		context.close();
		FileSystemUtils.deleteRecursively(dataDir.toFile());
	}

	@Test
	void runsOnEmbeddedH2WithTheSameMigrations() {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:h2:file:" + dataDir).contains("MODE=PostgreSQL");
		Response created = http.post("/api/v1/experiments", """
				{"name": "embedded", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 18446744073709551615, "dataSeed": -9223372036854775808, "dataSeedPolicy": "HYBRID",
				 "sampler": {"datasetSize": 1281167, "worldSize": 64}}
				""");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response read = http.get(created.header("Location"));
		assertThat(read.text()).contains("\"globalSeed\":18446744073709551615")
			.contains("\"dataSeed\":-9223372036854775808");
		assertThat(dataDir.resolve("seedbank.mv.db")).exists();
	}

	@Test
	void aStreamingRecordsSettingsRoundTripThroughH2sJsonColumn() {
		Response created = http.post("/api/v1/experiments", """
				{"name": "embedded-streaming", "framework": "composer", "frameworkVersion": "0.28.0",
				 "torchVersion": "2.5.1", "globalSeed": 17, "dataSeedPolicy": "LINKED", "seedWorkers": false,
				 "sampler": {"kind": "streaming", "shardSizes": [30, 25, 48], "shuffle": true,
				             "numCanonicalNodes": 2, "ranksPerNode": 2}}
				""");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response read = http.get(created.header("Location"));
		assertThat(read.json().get("sampler")).isEqualTo(created.json().get("sampler"));
		assertThat(read.json().get("sampler").get("shardSizes").toString()).isEqualTo("[30,25,48]");
		Response indices = http.get(created.header("Location") + "/epochs/0/ranks/1/indices");
		assertThat(indices.status()).as(indices.text()).isEqualTo(200);
		assertThat(indices.json().get("total").asLong()).isPositive();
	}

	@Test
	void healthProbesAndSwaggerUiAreUpWithoutAToken() {
		TestHttp anonymous = http.anonymous();
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void theGeneratedDevelopmentTokenIsAnAdminAndTheApiNeedsOne(CapturedOutput output) {
		assertThat(http.get("/api/v1/tokens").status()).isEqualTo(200);
		assertThat(http.anonymous().get("/api/v1/experiments").status()).isEqualTo(401);
		assertThat(output.getAll()).contains("for development use only").doesNotContain("generated security password");
	}

}
