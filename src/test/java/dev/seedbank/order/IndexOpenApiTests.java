package dev.seedbank.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * springdoc honours {@link IndexPageResponse}: every index endpoint's 200 in the served
 * {@code /v3/api-docs} offers the three formats, the JSON one as the {@code IndexPage}
 * schema, with the description each endpoint gave.
 */
class IndexOpenApiTests extends EndToEndTest {

	private static final String LIST = "The page; headers carry the whole list's digest and length";

	@Test
	void everyIndexEndpointDeclaresThePageInItsThreeFormats() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("GET /api/v1/samplers/distributed/indices", LIST);
		expected.put("GET /api/v1/experiments/{id}/epochs/{epoch}/ranks/{rank}/indices", LIST);
		expected.put("GET /api/v1/samplers/random/indices", LIST);
		expected.put("GET /api/v1/samplers/accelerate/indices", LIST);
		expected.put("GET /api/v1/samplers/hf-datasets/indices", LIST);
		expected.put("POST /api/v1/samplers/streaming/indices", LIST);
		expected.put("GET /api/v1/experiments/{id}/segments/{segment}/epochs/{epoch}/ranks/{rank}/indices",
				"The page; headers carry the whole order's digest and length");
		OpenAPI api = document();
		Map<String, String> declared = new LinkedHashMap<>();
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (path.endsWith("/indices")) {
				declared.put(method + " " + path, check(method + " " + path, operation));
			}
		}));
		assertThat(declared).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(api.getComponents().getSchemas()).containsKey("IndexPage");
	}

	/**
	 * @return the 200's description, after checking its three formats
	 */
	private static String check(String operationName, Operation operation) {
		ApiResponse ok = operation.getResponses().get("200");
		assertThat(ok).as(operationName).isNotNull();
		Content content = ok.getContent();
		assertThat(content).as(operationName)
			.containsOnlyKeys("application/json", "application/octet-stream", "application/x-npy");
		assertThat(content.get("application/json").getSchema().get$ref()).as(operationName)
			.isEqualTo("#/components/schemas/IndexPage");
		for (String binary : new String[] { "application/octet-stream", "application/x-npy" }) {
			Schema<?> schema = content.get(binary).getSchema();
			// OpenAPI 3.1 documents carry the type in a set.
			assertThat((schema.getType() != null) ? Set.of(schema.getType()) : schema.getTypes())
				.as(operationName + " " + binary)
				.containsExactly("string");
			assertThat(schema.getFormat()).as(operationName + " " + binary).isEqualTo("binary");
		}
		return ok.getDescription();
	}

	private OpenAPI document() {
		Response docs = this.http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		OpenAPI api = new OpenAPIV3Parser().readContents(docs.text(), null, options).getOpenAPI();
		assertThat(api).isNotNull();
		return api;
	}

}
