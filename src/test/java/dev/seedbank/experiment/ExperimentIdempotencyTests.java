package dev.seedbank.experiment;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.seedbank.experiment.ExperimentBodies.body;
import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentIdempotencyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void sameKeyAndBodyReplaysTheFirstResponseAndStoresOneRecord() {
		String name = uniqueName("idem");
		String key = uniqueName("key");
		Response first = this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		Response again = this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text()).isEqualTo(first.text());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(count(name)).isEqualTo(1);
	}

	@Test
	void replayIsTheFirstResponseEvenAfterTheRecordChanged() {
		String name = uniqueName("idem-amended");
		String key = uniqueName("key");
		Response first = this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key);
		assertThat(this.http.patch(first.header("Location"), "{\"description\": \"later\"}", "If-Match", "\"v0\"")
			.status()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key).text())
			.isEqualTo(first.text());
	}

	@Test
	void sameKeyWithAnotherBodyIs422AndStoresNothingNew() {
		String name = uniqueName("idem-mismatch");
		String key = uniqueName("key");
		assertThat(this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key).status()).isEqualTo(201);
		String other = uniqueName("idem-other");
		Response mismatch = this.http.post("/api/v1/experiments", body(other), "Idempotency-Key", key);
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.json().get("type").asString()).endsWith("/idempotency-key-reused");
		assertThat(count(other)).isZero();
	}

	@Test
	void keyIsStoredInTheDatabaseWithTheExperiment() {
		String name = uniqueName("idem-db");
		String key = uniqueName("key");
		Response first = this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key);
		String stored = this.jdbc.queryForObject(
				"select cast(experiment_id as varchar) from idempotency_key where idempotency_key = ?", String.class,
				key);
		assertThat(first.header("Location")).endsWith(stored);
	}

	private int count(String name) {
		return this.jdbc.queryForObject("select count(*) from experiment where name = ?", Integer.class, name);
	}

}
