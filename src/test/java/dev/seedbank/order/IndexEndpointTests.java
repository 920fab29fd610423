package dev.seedbank.order;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class IndexEndpointTests extends EndToEndTest {

	/**
	 * torch 1.13.1: list(DistributedSampler(range(10), num_replicas=2, rank=0, seed=0)).
	 */
	static final String SMALL = "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&torchVersion=1.13.1";

	@Test
	void jsonIsTheDefaultAndCarriesTheDigestOfTheWholeList() {
		Response response = this.http.get(SMALL);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode page = response.json();
		assertThat(jsonIndices(response)).hasSize(5).doesNotHaveDuplicates();
		assertThat(page.get("count").asLong()).isEqualTo(5);
		assertThat(page.get("total").asLong()).isEqualTo(5);
		assertThat(page.get("offset").asLong()).isZero();
		assertThat(page.get("sha256").asString()).isEqualTo(response.header("Seedbank-Order-Sha256"));
		assertThat(response.header("Seedbank-Total-Count")).isEqualTo("5");
		assertThat(response.header("Seedbank-Torch-Version")).isEqualTo("1.13.1");
	}

	@Test
	void pagesOfEveryFormatAgreeAndReportTheWholeListsDigest() {
		List<Long> whole = jsonIndices(this.http.get(SMALL));
		Response json = this.http.get(SMALL + "&offset=2&limit=2");
		Response binary = this.http.get(SMALL + "&offset=2&limit=2", "Accept", "application/octet-stream");
		Response npy = this.http.get(SMALL + "&offset=2&limit=2", "Accept", "application/x-npy");
		assertThat(jsonIndices(json)).containsExactlyElementsOf(whole.subList(2, 4));
		assertThat(longs(binary.body(), 0)).containsExactlyElementsOf(whole.subList(2, 4));
		assertThat((npy.body().length - 16) % 64).as("npy data starts 64-byte aligned").isZero();
		assertThat(new String(npy.body(), 1, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
		assertThat(longs(npy.body(), npy.body().length - 16)).containsExactlyElementsOf(whole.subList(2, 4));
		for (Response response : List.of(json, binary, npy)) {
			assertThat(response.header("Seedbank-Order-Sha256"))
				.isEqualTo(this.http.get(SMALL).header("Seedbank-Order-Sha256"));
			assertThat(response.header("Seedbank-Total-Count")).isEqualTo("5");
		}
		assertThat(jsonIndices(this.http.get(SMALL + "&offset=5"))).isEmpty();
		assertThat(jsonIndices(this.http.get(SMALL + "&offset=4&limit=100"))).containsExactly(whole.get(4));
	}

	@Test
	void aRepeatedRequestWithItsETagIsA304AndETagsDifferByFormatAndPage() {
		Response first = this.http.get(SMALL, "Accept", "application/octet-stream");
		String etag = first.header("ETag");
		Response again = this.http.get(SMALL, "Accept", "application/octet-stream", "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");
		assertThat(this.http.get(SMALL).header("ETag")).isNotEqualTo(etag);
		assertThat(this.http.get(SMALL + "&limit=1", "Accept", "application/octet-stream").header("ETag"))
			.isNotEqualTo(etag);
	}

	@Test
	void newerTorchThanKnownFollowsTheNewestAndSaysSo() {
		Response response = this.http
			.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&torchVersion=2.99.0");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Seedbank-Torch-Version-Note")).contains("newer than the newest known");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			datasetSize=10&worldSize=2&rank=2                        | rank
			datasetSize=10&worldSize=2&rank=-1                       | rank
			datasetSize=-1&worldSize=2&rank=0                        | datasetSize
			datasetSize=10&worldSize=0&rank=0                        | worldSize
			datasetSize=10&worldSize=2&rank=0&offset=6               | offset
			datasetSize=10&worldSize=2&rank=0&limit=-1               | limit
			datasetSize=10&worldSize=2&rank=0&seed=1.5               | seed
			datasetSize=10&worldSize=2&rank=0&epoch=1.5              | epoch
			datasetSize=10&worldSize=2&rank=0&torchVersion=1.4.0     | torchVersion
			datasetSize=10&worldSize=2&rank=0&torchVersion=1.13.7    | torchVersion
			datasetSize=10&worldSize=2&rank=0&torchVersion=latest    | torchVersion
			datasetSize=10&worldSize=2&rank=0&shuffle=maybe          | shuffle
			datasetSize=ten&worldSize=2&rank=0                       | datasetSize
			worldSize=2&rank=0                                       | datasetSize
			datasetSize=10&worldSize=99999999999&rank=0              | worldSize
			""")
	void badParametersAre400ProblemsNamingThem(String query, String parameter) {
		Response response = this.http.get("/api/v1/samplers/distributed/indices?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(parameter);
		assertThat(response.text()).doesNotContain("Exception");
	}

	@Test
	void whatTheNamedTorchWouldRaiseIsA422SayingSo() {
		Response response = this.http
			.get("/api/v1/samplers/distributed/indices?datasetSize=3&worldSize=8&rank=0&torchVersion=1.7.1");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).endsWith("/torch-would-raise");
		assertThat(response.json().get("detail").asString()).contains("AssertionError").contains("1.7.1");
		Response seed = this.http
			.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&seed=3&torchVersion=1.5.0");
		assertThat(seed.status()).isEqualTo(422);
		assertThat(seed.json().get("detail").asString()).contains("'seed'");
		Response overflow = this.http.get(
				"/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&seed=18446744073709551615&epoch=1");
		assertThat(overflow.status()).isEqualTo(422);
		assertThat(overflow.json().get("detail").asString()).contains("ValueError: Overflow when unpacking long long");
	}

	@Test
	void ordersTorchYieldsForEpochsAndSeedsOutsideManualSeedsRangeAreServed() {
		// torch only seeds a generator with seed + epoch, and only with shuffle.
		Response negativeEpoch = this.http
			.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&seed=10&epoch=-3");
		Response same = this.http.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&seed=7");
		assertThat(negativeEpoch.status()).as(negativeEpoch.text()).isEqualTo(200);
		assertThat(negativeEpoch.header("Seedbank-Order-Sha256")).isEqualTo(same.header("Seedbank-Order-Sha256"));
		Response unshuffled = this.http.get(
				"/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&seed=-9223372036854775809&shuffle=false");
		assertThat(unshuffled.status()).as(unshuffled.text()).isEqualTo(200);
	}

	@Test
	void jsonPagesAreCappedAndBinaryFormatsAreNot() {
		String big = "/api/v1/samplers/distributed/indices?datasetSize=2000002&worldSize=1&rank=0&shuffle=false";
		Response json = this.http.get(big);
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.json().get("detail").asString()).contains("application/octet-stream");
		Response binary = this.http.get(big, "Accept", "application/octet-stream");
		assertThat(binary.status()).isEqualTo(200);
		assertThat(binary.body()).hasSize(2000002 * 8);
		assertThat(this.http.get(big + "&limit=1000000").status()).isEqualTo(200);
	}

	@Test
	void unacceptableFormatIsA406Problem() {
		Response response = this.http.get(SMALL, "Accept", "text/html");
		assertThat(response.status()).isEqualTo(406);
		assertThat(response.json().get("type").asString()).endsWith("/not-acceptable");
	}

	static List<Long> jsonIndices(Response response) {
		List<Long> indices = new ArrayList<>();
		response.json().get("indices").forEach((node) -> indices.add(node.asLong()));
		return indices;
	}

	static List<Long> longs(byte[] bytes, int from) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from).order(ByteOrder.LITTLE_ENDIAN);
		List<Long> values = new ArrayList<>();
		while (buffer.remaining() >= 8) {
			values.add(buffer.getLong());
		}
		return values;
	}

}
