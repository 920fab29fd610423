package dev.seedbank.order;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.seedbank.order.IndexEndpointTests.jsonIndices;
import static dev.seedbank.order.IndexEndpointTests.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateless {@code random}, {@code accelerate} and {@code hf-datasets} endpoints
 * answer like {@code distributed}: three formats, paging, digest and count headers, each
 * library's release header, ETags, a 400 naming the parameter and a 422 where the library
 * raises; an order the permutation budget (16 MiB here) cannot hold is a 413.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "seedbank.order.cache-max-bytes=16777216")
class SamplerIndexEndpointTests extends EndToEndTest {

	static final String RANDOM = "/api/v1/samplers/random/indices?datasetSize=10&seed=7&epoch=1&dataLoader=true";

	static final String ACCELERATE = "/api/v1/samplers/accelerate/indices?datasetSize=10&numProcesses=2"
			+ "&processIndex=1&batchSize=2&seed=42";

	static final String HF = "/api/v1/samplers/hf-datasets/indices?datasetSize=10&seed=42&numShards=2&shardIndex=1";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { RANDOM, ACCELERATE, HF })
	void pagesOfEveryFormatAgreeAndReportTheWholeListsDigest(String path) {
		Response whole = this.http.get(path);
		assertThat(whole.status()).as(whole.text()).isEqualTo(200);
		List<Long> indices = jsonIndices(whole);
		int total = indices.size();
		assertThat(total).isPositive();
		assertThat(whole.json().get("sha256").asString()).isEqualTo(whole.header("Seedbank-Order-Sha256"));
		assertThat(whole.json().get("total").asLong()).isEqualTo(total);
		Response json = this.http.get(path + "&offset=1&limit=2");
		Response binary = this.http.get(path + "&offset=1&limit=2", "Accept", "application/octet-stream");
		Response npy = this.http.get(path + "&offset=1&limit=2", "Accept", "application/x-npy");
		assertThat(jsonIndices(json)).containsExactlyElementsOf(indices.subList(1, 3));
		assertThat(longs(binary.body(), 0)).containsExactlyElementsOf(indices.subList(1, 3));
		assertThat(new String(npy.body(), 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
		assertThat(longs(npy.body(), npy.body().length - 16)).containsExactlyElementsOf(indices.subList(1, 3));
		for (Response page : List.of(json, binary, npy)) {
			assertThat(page.header("Seedbank-Order-Sha256")).isEqualTo(whole.header("Seedbank-Order-Sha256"));
			assertThat(page.header("Seedbank-Total-Count")).isEqualTo(Integer.toString(total));
		}
		assertThat(jsonIndices(this.http.get(path + "&offset=" + total))).isEmpty();
		assertThat(this.http.get(path + "&offset=" + (total + 1)).status()).isEqualTo(400);
		String etag = binary.header("ETag");
		Response again = this.http.get(path + "&offset=1&limit=2", "Accept", "application/octet-stream",
				"If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(json.header("ETag")).isNotEqualTo(etag);
	}

	@Test
	void eachEndpointNamesTheReleasesItFollowed() {
		Response random = this.http.get(RANDOM + "&torchVersion=1.13.1");
		assertThat(random.header("Seedbank-Torch-Version")).isEqualTo("1.13.1");
		assertThat(this.http.get(RANDOM).header("Seedbank-Torch-Version")).isEqualTo("2.13.0");
		Response accelerate = this.http.get(ACCELERATE + "&accelerateVersion=1.2.0&torchVersion=2.5.1");
		assertThat(accelerate.header("Seedbank-Accelerate-Version")).isEqualTo("1.2.0");
		assertThat(accelerate.header("Seedbank-Torch-Version")).isEqualTo("2.5.1");
		assertThat(this.http.get(ACCELERATE).header("Seedbank-Accelerate-Version")).isEqualTo("1.15.0");
		Response hf = this.http.get(HF);
		assertThat(hf.header("Seedbank-Datasets-Version")).isEqualTo("5.0.1");
		assertThat(hf.header("Seedbank-Torch-Version")).isNull();
	}

	@Test
	void theRandomSamplersEpochsDifferAndADataLoaderShiftsTheDraws() {
		String base = "/api/v1/samplers/random/indices?datasetSize=50&seed=3";
		String epoch0 = this.http.get(base).header("Seedbank-Order-Sha256");
		assertThat(this.http.get(base + "&epoch=1").header("Seedbank-Order-Sha256")).isNotEqualTo(epoch0);
		assertThat(this.http.get(base + "&dataLoader=true").header("Seedbank-Order-Sha256")).isNotEqualTo(epoch0);
		Response replacement = this.http.get(base + "&replacement=true&numSamples=120");
		assertThat(replacement.header("Seedbank-Total-Count")).isEqualTo("120");
		assertThat(jsonIndices(replacement)).allSatisfy((index) -> assertThat(index).isBetween(0L, 49L));
	}

	@Test
	void theProcessesOfAnAcceleratedLoaderAndTheShardsOfADatasetCoverTheData() {
		String loader = "/api/v1/samplers/accelerate/indices?datasetSize=12&numProcesses=3&batchSize=2&seed=5"
				+ "&processIndex=";
		String shards = "/api/v1/samplers/hf-datasets/indices?datasetSize=11&seed=5&numShards=3&contiguous=false"
				+ "&shardIndex=";
		List<Long> processes = new java.util.ArrayList<>();
		List<Long> rows = new java.util.ArrayList<>();
		for (int r = 0; r < 3; r++) {
			processes.addAll(jsonIndices(this.http.get(loader + r)));
			rows.addAll(jsonIndices(this.http.get(shards + r)));
		}
		assertThat(processes).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
		assertThat(rows).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					random/indices?seed=1                                                   | datasetSize
					random/indices?datasetSize=10                                           | seed
					random/indices?datasetSize=-1&seed=1                                    | datasetSize
					random/indices?datasetSize=10&seed=1&epoch=-1                           | epoch
					random/indices?datasetSize=10&seed=1.5                                  | seed
					random/indices?datasetSize=10&seed=1&torchVersion=1.10.0                | torchVersion
					random/indices?datasetSize=10&seed=1&torchVersion=newest                | torchVersion
					random/indices?datasetSize=10&seed=1&replacement=maybe                  | replacement
					random/indices?datasetSize=10&seed=1&limit=-1                           | limit
					random/indices?datasetSize=10&seed=1&offset=11                          | offset
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=2&batchSize=2&seed=1  | processIndex
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=-1&batchSize=2&seed=1 | processIndex
					accelerate/indices?datasetSize=10&numProcesses=0&processIndex=0&batchSize=2&seed=1  | numProcesses
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&batchSize=0&seed=1  | batchSize
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&batchSize=2         | seed
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&seed=1              | batchSize
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&batchSize=2&seed=1&accelerateVersion=1.0.1 | accelerateVersion
					accelerate/indices?datasetSize=10&numProcesses=2&processIndex=0&batchSize=2&seed=1&torchVersion=1.4.0      | torchVersion
					hf-datasets/indices?datasetSize=10                                      | seed
					hf-datasets/indices?datasetSize=-1&seed=1                               | datasetSize
					hf-datasets/indices?datasetSize=10&seed=1&datasetsVersion=2.19.0        | datasetsVersion
					hf-datasets/indices?datasetSize=10&seed=1&numShards=99999999999         | numShards
					hf-datasets/indices?datasetSize=10&seed=1&contiguous=sometimes          | contiguous
					""")
	void badParametersAre400ProblemsNamingThem(String query, String parameter) {
		Response response = this.http.get("/api/v1/samplers/" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(parameter);
		assertThat(response.text()).doesNotContain("Exception");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					random/indices?datasetSize=0&seed=1&numSamples=3                                     | ZeroDivisionError
					random/indices?datasetSize=10&seed=1&numSamples=0                                    | ValueError: num_samples should be a positive integer value, but got num_samples=0
					random/indices?datasetSize=10&seed=18446744073709551616                              | ValueError: Overflow when unpacking long long
					random/indices?datasetSize=10&seed=18446744073709551616&torchVersion=1.13.1          | RuntimeError: Overflow when unpacking long
					accelerate/indices?datasetSize=10&numProcesses=3&processIndex=0&batchSize=4&seed=1&splitBatches=true | needs to be a round multiple of the number of processes (3)
					accelerate/indices?datasetSize=0&numProcesses=1&processIndex=0&batchSize=4&seed=1    | num_samples=0
					accelerate/indices?datasetSize=10&numProcesses=1&processIndex=0&batchSize=4&seed=18446744073709551615&epoch=1 | Overflow when unpacking long long
					hf-datasets/indices?datasetSize=10&seed=-1                                           | ValueError: expected non-negative integer
					hf-datasets/indices?datasetSize=10&seed=1&numShards=2&shardIndex=2                   | ValueError: index should be in [0, num_shards-1]
					hf-datasets/indices?datasetSize=10&seed=1&numShards=0                                | ValueError: index should be in [0, num_shards-1]
					hf-datasets/indices?datasetSize=10&seed=-1&numShards=2&shardIndex=5                  | ValueError: expected non-negative integer
					hf-datasets/indices?datasetSize=2&seed=1&numShards=3&shardIndex=2                    | IndexError: Index 2 out of range for dataset of size 2.
					""")
	void whatTheLibraryWouldRaiseIsA422SayingSo(String query, String raised) {
		Response response = this.http.get("/api/v1/samplers/" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.json().get("type").asString())
			.endsWith(response.json().get("detail").asString().startsWith("torch ") ? "/torch-would-raise"
					: "/library-would-raise");
		assertThat(response.json().get("detail").asString()).contains(raised);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "random/indices?datasetSize=3000000&seed=1",
			"random/indices?datasetSize=10&seed=1&replacement=true&numSamples=5000000",
			"hf-datasets/indices?datasetSize=3000000&seed=1",
			"accelerate/indices?datasetSize=5000000&numProcesses=1&processIndex=0&batchSize=1&seed=1" })
	void anOrderLargerThanTheBudgetIsA413BeforeAnythingIsBuilt(String query) {
		Response response = this.http.get("/api/v1/samplers/" + query, "Accept", "application/octet-stream");
		assertThat(response.status()).as(response.text()).isEqualTo(413);
		assertThat(response.json().get("detail").asString()).contains("seedbank.order.cache-max-bytes");
	}

	@Test
	void anEmptyDatasetsShardIsAnEmptyList() {
		Response empty = this.http.get("/api/v1/samplers/hf-datasets/indices?datasetSize=0&seed=1&numShards=3");
		assertThat(empty.status()).as(empty.text()).isEqualTo(200);
		assertThat(empty.header("Seedbank-Total-Count")).isEqualTo("0");
	}

}
