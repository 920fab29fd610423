package dev.seedbank.swagger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole OpenAPI document as Swagger UI receives it: valid, every operation and
 * parameter described, every error a problem, every seed an integer over torch's range.
 */
class OpenApiDocumentTests extends EndToEndTest {

	static final BigDecimal MIN_SEED = new BigDecimal("-9223372036854775808");

	static final BigDecimal MAX_SEED = new BigDecimal("18446744073709551615");

	OpenAPI api;

	@BeforeEach
	void parse() {
		Response docs = this.http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.text(), null, options);
		assertThat(parsed.getMessages()).as("parser messages").isEmpty();
		assertThat(parsed.getOpenAPI()).isNotNull();
		this.api = parsed.getOpenAPI();
	}

	/**
	 * Issue 16.10: every build exports the document it serves, the project's generated
	 * API reference, next to the jar.
	 */
	@Test
	void theDocumentIsExportedToTarget() throws java.io.IOException {
		Response docs = this.http.get("/v3/api-docs");
		java.nio.file.Path exported = java.nio.file.Path.of("target", "openapi.json");
		java.nio.file.Files.createDirectories(exported.getParent());
		java.nio.file.Files.write(exported, docs.body());
		assertThat(this.api.getPaths()).containsKey("/api/v1/experiments");
		assertThat(java.nio.file.Files.readString(exported)).contains("\"/api/v1/experiments\"");
	}

	@Test
	void infoComesFromTheBuildAndTheFourTagsComeInOrder() {
		assertThat(this.api.getInfo().getTitle()).isEqualTo("seedbank API");
		assertThat(this.api.getInfo().getDescription()).contains("RFC 9457").contains("-2^63 .. 2^64-1");
		assertThat(this.api.getInfo().getVersion()).isNotBlank().isNotEqualTo("dev");
		assertThat(this.api.getTags()).extracting(Tag::getName)
			.startsWith("Experiments", "Index orders", "Seeds", "Tokens");
		assertThat(this.api.getTags()).allSatisfy((tag) -> assertThat(tag.getDescription()).isNotBlank());
	}

	@Test
	void bearerAuthIsDeclaredAndAppliesToEveryOperation() {
		SecurityScheme bearer = this.api.getComponents().getSecuritySchemes().get("bearerAuth");
		assertThat(bearer).isNotNull();
		assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
		assertThat(bearer.getScheme()).isEqualTo("bearer");
		assertThat(this.api.getSecurity())
			.anySatisfy((requirement) -> assertThat(requirement).containsKey("bearerAuth"));
	}

	@Test
	void everyOperationAndParameterIsDescribed() {
		List<String> checked = new ArrayList<>();
		operations().forEach((where, operation) -> {
			checked.add(where);
			assertThat(operation.getOperationId()).as(where).isNotBlank();
			assertThat(operation.getSummary()).as(where + " summary").isNotBlank();
			assertThat(operation.getDescription()).as(where + " description").isNotBlank();
			assertThat(operation.getTags()).as(where + " tags").isNotEmpty();
			if (operation.getParameters() != null) {
				operation.getParameters().forEach((parameter) -> {
					assertThat(parameter.getDescription()).as(where + " parameter " + parameter.getName()).isNotBlank();
					if (parameter.getExample() != null && isArray(parameter.getSchema())) {
						assertThat(parameter.getExample())
							.as(where + " parameter " + parameter.getName()
									+ ": Swagger UI fails to send a non-array example of an array")
							.isNotInstanceOf(String.class);
					}
				});
			}
		});
		assertThat(checked).contains("POST /api/v1/experiments", "GET /api/v1/experiments",
				"GET /api/v1/experiments/{id}", "PATCH /api/v1/experiments/{id}");
	}

	/**
	 * A record GET and a search page write records rendered once per version; the
	 * document still shows them as ExperimentResponse, never as the raw text they are.
	 */
	@Test
	@SuppressWarnings("rawtypes")
	void recordsReadAndSearchedAreDocumentedAsExperimentResponses() {
		String response = "#/components/schemas/ExperimentResponse";
		Operation get = operations().get("GET /api/v1/experiments/{id}");
		assertThat(get.getResponses().get("200").getContent().get("application/json").getSchema().get$ref())
			.isEqualTo(response);
		Schema items = properties(this.api.getComponents().getSchemas().get("ExperimentPage")).get("items");
		assertThat(items.getItems().get$ref()).isEqualTo(response);
		assertThat(this.api.getComponents().getSchemas()).doesNotContainKey("RecordJson");
	}

	@Test
	void everyFieldOfEverySchemaIsDescribed() {
		this.api.getComponents().getSchemas().forEach((name, schema) -> {
			assertThat(schema.getDescription()).as(name).isNotBlank();
			properties(schema).forEach(
					(field, property) -> assertThat(property.getDescription()).as(name + "." + field).isNotBlank());
		});
	}

	@Test
	@SuppressWarnings("rawtypes")
	void everyErrorResponseIsAProblem() {
		operations().forEach((where, operation) -> {
			assertThat(operation.getResponses()).as(where).containsKeys("400", "500");
			operation.getResponses().forEach((code, response) -> {
				if (code.startsWith("4") || code.startsWith("5")) {
					assertThat(response.getDescription()).as(where + " " + code).isNotBlank();
					assertThat(response.getContent()).as(where + " " + code)
						.containsOnlyKeys("application/problem+json");
					MediaType problem = response.getContent().get("application/problem+json");
					assertThat(problem.getSchema().get$ref()).as(where + " " + code)
						.isEqualTo("#/components/schemas/Problem");
				}
			});
		});
		Map<String, Schema> schemas = this.api.getComponents().getSchemas();
		assertThat(schemas.get("Problem").getProperties()).containsOnlyKeys("type", "title", "status", "detail",
				"instance", "errors");
		assertThat(schemas.get("ProblemFieldError").getProperties()).containsOnlyKeys("field", "message");
	}

	@Test
	void theExperimentOperationsDeclareTheirOwnErrors() {
		assertThat(operations().get("POST /api/v1/experiments").getResponses()).containsKeys("201", "409", "415",
				"422");
		assertThat(operations().get("GET /api/v1/experiments/{id}").getResponses()).containsKeys("200", "304", "404");
		assertThat(operations().get("GET /api/v1/experiments/{id}").getResponses().get("304").getContent())
			.as("304 has no body")
			.isNullOrEmpty();
		assertThat(operations().get("PATCH /api/v1/experiments/{id}").getResponses()).containsKeys("200", "404", "409",
				"412", "428");
		assertThat(operations().get("POST /api/v1/experiments")
			.getRequestBody()
			.getContent()
			.get("application/json")
			.getExamples()).isNotEmpty();
	}

	@Test
	@SuppressWarnings("rawtypes")
	void seedsAreIntegersOverTorchsWholeRange() {
		Map<String, Schema> schemas = this.api.getComponents().getSchemas();
		List<String> seeds = new ArrayList<>();
		schemas.forEach((name, schema) -> {
			properties(schema).forEach((field, property) -> {
				if ("int64-or-uint64".equals(property.getFormat())) {
					seeds.add(name + "." + field);
					assertThat(isInteger(property)).as(name + "." + field + " is an integer").isTrue();
					assertThat(property.getMinimum()).as(name + "." + field).isEqualByComparingTo(MIN_SEED);
					assertThat(property.getMaximum()).as(name + "." + field).isEqualByComparingTo(MAX_SEED);
				}
			});
		});
		assertThat(seeds).contains("CreateExperimentRequest.globalSeed", "CreateExperimentRequest.dataSeed",
				"ExperimentResponse.globalSeed", "ExperimentResponse.dataSeed", "ExperimentResponse.effectiveDataSeed");
	}

	private Map<String, Operation> operations() {
		Map<String, Operation> operations = new java.util.TreeMap<>();
		this.api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> operations.put(method + " " + path, operation)));
		return operations;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Map<String, Schema<?>> properties(Schema schema) {
		return (schema.getProperties() != null) ? schema.getProperties() : Map.of();
	}

	private static boolean isArray(Schema<?> schema) {
		return schema != null && ("array".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("array")));
	}

	/** OpenAPI 3.0 documents say {@code type}, 3.1 documents {@code types}. */
	private static boolean isInteger(Schema<?> schema) {
		return "integer".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("integer"));
	}

}
