package dev.seedbank.security;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code anonymous-read} on; {@link SecurityMatrixTests} covers it off. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "seedbank.security.anonymous-read=true")
class AnonymousReadTests extends EndToEndTest {

	@Test
	void recordsSlicesAndManifestsAreReadableWithoutAToken() {
		TestHttp admin = this.http;
		Response created = admin.post("/api/v1/experiments", """
				{"name": "anonymous-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 1, "dataSeed": null, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 10, "worldSize": 2}}""".formatted(java.util.UUID.randomUUID()));
		String location = created.header("Location");
		TestHttp anonymous = admin.anonymous();
		assertThat(anonymous.get(location).status()).isEqualTo(200);
		assertThat(anonymous.get("/api/v1/experiments?size=1").status()).isEqualTo(200);
		for (String path : new String[] { location + "/epochs/0/ranks/0/indices", location + "/manifest",
				location + "/ranks/0/manifest", "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2",
				"/api/v1/samplers/random/indices?datasetSize=10&seed=1",
				"/api/v1/seeds/workers?loaderSeed=1&epoch=0&numWorkers=2" }) {
			assertThat(anonymous.get(path).status()).as(path).isNotIn(401, 403);
		}
		// a POST, but it only reads: Streaming's shard sizes do not fit a query string
		assertThat(anonymous.post("/api/v1/samplers/streaming/indices", "{\"shardSizes\": [3, 4]}").status())
			.isEqualTo(200);
	}

	@Test
	void writesTokensAuditAndVerifyStillNeedAToken() {
		TestHttp anonymous = this.http.anonymous();
		String experiment = "/api/v1/experiments/" + java.util.UUID.randomUUID();
		assertThat(anonymous.post("/api/v1/experiments", "{}").status()).isEqualTo(401);
		assertThat(anonymous.patch(experiment, "{}", "If-Match", "\"v0\"").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/tokens").status()).isEqualTo(401);
		assertThat(anonymous.get(experiment + "/audit").status()).isEqualTo(401);
		assertThat(anonymous.post(experiment + "/epochs/0/ranks/0/verify", "{}").status()).isEqualTo(401);
	}

	@Test
	void aBadTokenIsStillRejected() {
		Response response = this.http.withToken("sb_unknown").get("/api/v1/experiments?size=1");
		assertThat(response.status()).isEqualTo(401);
	}

}
