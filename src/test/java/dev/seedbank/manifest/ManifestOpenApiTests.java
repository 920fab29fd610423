package dev.seedbank.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds endpoints answer what their OpenAPI document declares: every field of a real
 * response is a declared property, every required property is present, and every
 * operation and parameter is described.
 */
class ManifestOpenApiTests extends EndToEndTest {

	ManifestExperiments experiments;

	OpenAPI api;

	@BeforeEach
	void setUp() {
		this.experiments = new ManifestExperiments(this.http);
		Response docs = this.http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.text());
		// Only this feature's part of the document is checked here; info and other tags
		// belong to other owners.
		assertThat(parsed.getMessages()).noneMatch((message) -> message
			.matches("(?s).*(manifest|Manifest|WorkerSeed|Comparison|ComparedSide|ProcessSeedDifference|RankSeeds).*"));
		assertThat(parsed.getOpenAPI()).isNotNull();
		this.api = parsed.getOpenAPI();
	}

	@Test
	void theManifestMatchesItsDeclaredSchema() {
		String id = this.experiments.create("composer", "0.28.0", "2.5.1", "17", "5", "INDEPENDENT", 3, false);
		JsonNode manifest = this.http.get("/api/v1/experiments/" + id + "/manifest").json();
		Schema<?> schema = responseSchema("/api/v1/experiments/{id}/manifest");
		assertConforms("manifest", manifest, schema);
		Schema<?> rank = resolve(schema.getProperties().get("ranks").getItems());
		for (JsonNode seeds : manifest.get("ranks")) {
			assertConforms("ranks[" + seeds.get("rank") + "]", seeds, rank);
		}
		assertThat(isInteger(schema.getProperties().get("globalSeed"))).isTrue();
		assertThat(isInteger(rank.getProperties().get("processSeed"))).isTrue();
	}

	@Test
	void rankManifestWorkersAndCompareMatchTheirDeclaredSchemas() {
		String left = this.experiments.create("composer", "0.27.0", 17, "FRAMEWORK_DEFAULT", 2);
		String right = this.experiments.create("composer", "0.27.0", 42, "FRAMEWORK_DEFAULT", 2);
		assertConforms("rank manifest", this.http.get("/api/v1/experiments/" + left + "/ranks/1/manifest").json(),
				responseSchema("/api/v1/experiments/{id}/ranks/{rank}/manifest"));
		JsonNode workers = this.http.get("/api/v1/experiments/" + left + "/ranks/1/epochs/0/workers?numWorkers=2")
			.json();
		Schema<?> workersSchema = responseSchema("/api/v1/experiments/{id}/ranks/{rank}/epochs/{epoch}/workers");
		assertConforms("workers", workers, workersSchema);
		assertConforms("workers[0]", workers.get("workers").get(0),
				resolve(workersSchema.getProperties().get("workers").getItems()));
		JsonNode stateless = this.http
			.get("/api/v1/seeds/workers?loaderSeed=3&epoch=1&numWorkers=2&framework=lightning&seedWorkers=true")
			.json();
		Schema<?> statelessSchema = responseSchema("/api/v1/seeds/workers");
		assertConforms("stateless workers", stateless, statelessSchema);
		assertConforms("stateless workers[0]", stateless.get("workers").get(0),
				resolve(statelessSchema.getProperties().get("workers").getItems()));
		JsonNode comparison = this.http.get("/api/v1/experiments/compare?left=" + left + "&right=" + right).json();
		Schema<?> compareSchema = responseSchema("/api/v1/experiments/compare");
		assertConforms("compare", comparison, compareSchema);
		assertConforms("compare.left", comparison.get("left"), resolve(compareSchema.getProperties().get("left")));
		assertConforms("compare.processSeedDifferences[0]", comparison.get("processSeedDifferences").get(0),
				resolve(compareSchema.getProperties().get("processSeedDifferences").getItems()));
	}

	@Test
	void everySeedsOperationAndParameterIsDescribed() {
		List<String> seedsOperations = new ArrayList<>();
		this.api.getPaths().forEach((path, item) -> {
			Operation get = item.getGet();
			if (get != null && get.getTags() != null && get.getTags().contains("Seeds")) {
				seedsOperations.add(path);
				assertThat(get.getSummary()).as(path).isNotBlank();
				assertThat(get.getDescription()).as(path).isNotBlank();
				get.getParameters().forEach((parameter) -> {
					assertThat(parameter.getDescription()).as(path + " " + parameter.getName()).isNotBlank();
					assertThat(parameter.getExample()).as(path + " " + parameter.getName()).isNotNull();
				});
			}
		});
		assertThat(seedsOperations).containsExactlyInAnyOrder("/api/v1/experiments/{id}/manifest",
				"/api/v1/experiments/{id}/ranks/{rank}/manifest",
				"/api/v1/experiments/{id}/ranks/{rank}/epochs/{epoch}/workers", "/api/v1/experiments/compare",
				"/api/v1/seeds/workers");
		assertThat(this.api.getPaths()
			.get("/api/v1/experiments/{id}/ranks/{rank}/manifest")
			.getGet()
			.getResponses()
			.get("200")
			.getContent()).containsKeys("application/json", "text/plain");
	}

	private Schema<?> responseSchema(String path) {
		assertThat(this.api.getPaths()).containsKey(path);
		Schema<?> schema = this.api.getPaths()
			.get(path)
			.getGet()
			.getResponses()
			.get("200")
			.getContent()
			.get("application/json")
			.getSchema();
		return resolve(schema);
	}

	private Schema<?> resolve(Schema<?> schema) {
		if (schema.get$ref() == null) {
			return schema;
		}
		String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
		Map<String, Schema> schemas = this.api.getComponents().getSchemas();
		assertThat(schemas).containsKey(name);
		return schemas.get(name);
	}

	/** OpenAPI 3.0 documents say {@code type}, 3.1 documents {@code types}. */
	private static boolean isInteger(Schema<?> schema) {
		return "integer".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("integer"));
	}

	private static void assertConforms(String where, JsonNode actual, Schema<?> schema) {
		Set<String> declared = schema.getProperties().keySet();
		assertThat(actual.propertyNames()).as(where + ": every field is declared").isSubsetOf(declared);
		List<String> required = (schema.getRequired() != null) ? schema.getRequired() : List.of();
		assertThat(required).as(where + ": declares required fields").isNotEmpty();
		for (String name : required) {
			assertThat(actual.has(name) && !actual.get(name).isNull()).as(where + ": required " + name + " present")
				.isTrue();
		}
		schema.getProperties().forEach((name, property) -> {
			if (actual.has(name) && !actual.get(name).isNull()) {
				assertThat(actual.get(name).isIntegralNumber()).as(where + "." + name + " is an integer as declared")
					.isEqualTo(isInteger(property));
			}
		});
	}

}
