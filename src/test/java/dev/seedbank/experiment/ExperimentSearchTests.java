package dev.seedbank.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentSearchTests {

	@LocalServerPort
	int port;

	TestHttp http;

	/**
	 * Every record of one test carries this tag, so tests never see each other's rows.
	 */
	String run;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		this.run = UUID.randomUUID().toString();
	}

	@Test
	void tagsAreAndedAndResultsAreNewestFirst() {
		String a = create("torch", "vision", "a");
		String b = create("composer", "vision", "b");
		create("torch", "nlp", "a");
		List<String> vision = names("/api/v1/experiments?tag=run:" + this.run + "&tag=team:vision");
		assertThat(vision).containsExactly(b, a);
		assertThat(names("/api/v1/experiments?tag=run:" + this.run + "&tag=team:vision&tag=sweep:a"))
			.containsExactly(a);
		assertThat(names("/api/v1/experiments?tag=run:" + this.run + "&framework=composer")).containsExactly(b);
		assertThat(names("/api/v1/experiments?name=" + a)).containsExactly(a);
		assertThat(names("/api/v1/experiments?namePrefix=" + this.run + "-torch&tag=run:" + this.run)).hasSize(2);
	}

	@Test
	void statusAndCreatedRangeFilter() {
		String kept = create("torch", "vision", "a");
		String archived = create("torch", "vision", "a");
		Response found = this.http.get("/api/v1/experiments?name=" + archived);
		String location = "/api/v1/experiments/" + found.json().get("items").get(0).get("id").asString();
		assertThat(this.http.patch(location, "{\"status\": \"ARCHIVED\"}", "If-Match", "\"v0\"").status())
			.isEqualTo(200);
		assertThat(names("/api/v1/experiments?status=ARCHIVED&tag=run:" + this.run)).containsExactly(archived);
		assertThat(names("/api/v1/experiments?status=ACTIVE&tag=run:" + this.run)).containsExactly(kept);
		assertThat(names("/api/v1/experiments?createdAfter=2999-01-01T00:00:00Z&tag=run:" + this.run)).isEmpty();
		assertThat(names("/api/v1/experiments?createdBefore=2999-01-01T00:00:00Z&tag=run:" + this.run)).hasSize(2);
	}

	@Test
	void pagesAreStableAndSizeIsCappedAt500() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(0, create("torch", "vision", "p"));
		}
		JsonNode first = this.http.get("/api/v1/experiments?size=2&page=0&tag=run:" + this.run).json();
		assertThat(first.get("totalElements").asLong()).isEqualTo(5);
		assertThat(first.get("totalPages").asInt()).isEqualTo(3);
		List<String> paged = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			paged.addAll(names("/api/v1/experiments?size=2&page=" + page + "&tag=run:" + this.run));
		}
		assertThat(paged).containsExactlyElementsOf(created);
		Response tooBig = this.http.get("/api/v1/experiments?size=501");
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
		assertThat(this.http.get("/api/v1/experiments?size=500").status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/experiments?tag=novalue").status()).isEqualTo(400);
		assertThat(this.http.get("/api/v1/experiments?status=GONE").status()).isEqualTo(400);
	}

	private String create(String framework, String team, String sweep) {
		String name = this.run + "-" + framework + "-" + UUID.randomUUID();
		String body = """
				{"name": "%s", "framework": "%s", "frameworkVersion": "0.28.0", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 100, "worldSize": 2},
				 "tags": {"run": "%s", "team": "%s", "sweep": "%s"}}
				""".formatted(name, framework, this.run, team, sweep);
		Response response = this.http.post("/api/v1/experiments", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return name;
	}

	private List<String> names(String query) {
		Response response = this.http.get(query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json().get("items").findValuesAsString("name");
	}

}
