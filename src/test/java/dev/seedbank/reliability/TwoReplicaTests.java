package dev.seedbank.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL behave as one service: a record created on one is read,
 * searched and amended on the other, an idempotent create is replayed by the other, a
 * token made on one works on the other (and a revoke on one holds on the other when that
 * replica has not verified the token yet; a token it has verified stays valid there for
 * up to TokenService.VERIFIED_TOKEN_TTL), and both serve the same index order.
 */
class TwoReplicaTests {

	private static final String DB = System.getenv()
		.getOrDefault("SEEDBANK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	/**
	 * The replicas get a database of their own: their bootstrap token replaces the one
	 * row named bootstrap, which the other test contexts sharing the test database rely
	 * on. Named after the test database, so builds on other databases never share it.
	 */
	private static final String REPLICA_DB = DB.substring(DB.lastIndexOf('/') + 1) + "_two_replicas";

	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void twoReplicasOnOneDatabaseAreOneService() throws Exception {
		recreate(REPLICA_DB);
		String url = DB.substring(0, DB.lastIndexOf('/') + 1) + REPLICA_DB;
		String[] postgres = { "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" };
		try (ChildApp a = ChildApp.start("384m", postgres); ChildApp b = ChildApp.start("384m", postgres)) {
			String name = "two-replicas-" + System.nanoTime();
			String body = """
					{"name": "%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
					 "globalSeed": 17, "dataSeedPolicy": "LINKED", "sampler": {"datasetSize": 1000, "worldSize": 4},
					 "tags": {"replica": "%s"}}
					""".formatted(name, name);
			String key = "replica-key-" + System.nanoTime();
			Response created = a.http.post("/api/v1/experiments", body, auth("Idempotency-Key", key));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			String id = created.json().get("id").asString();

			Response replayed = b.http.post("/api/v1/experiments", body, auth("Idempotency-Key", key));
			assertThat(replayed.status()).as(replayed.text()).isEqualTo(201);
			assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(replayed.json().get("id").asString()).isEqualTo(id);
			Response otherBody = b.http.post("/api/v1/experiments",
					body.replace("\"globalSeed\": 17", "\"globalSeed\": 18"), auth("Idempotency-Key", key));
			assertThat(otherBody.status()).as(otherBody.text()).isEqualTo(422);

			Response read = b.get("/api/v1/experiments/" + id);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
			Response found = b.get("/api/v1/experiments?tag=replica:" + name);
			assertThat(found.json().get("items")).hasSize(1);
			// a has read the record and its search page, so each is in a's RecordCache at
			// v0
			assertThat(a.get("/api/v1/experiments/" + id).json().get("description").isNull()).isTrue();
			assertThat(a.get("/api/v1/experiments?tag=replica:" + name).json().get("items")).hasSize(1);
			Response amended = b.http.patch("/api/v1/experiments/" + id, "{\"description\": \"from b\"}",
					auth("If-Match", created.header("ETag")));
			assertThat(amended.status()).as(amended.text()).isEqualTo(200);
			Response afterAmend = a.get("/api/v1/experiments/" + id, "If-None-Match", created.header("ETag"));
			assertThat(afterAmend.status()).isEqualTo(200);
			assertThat(afterAmend.header("ETag")).isEqualTo(amended.header("ETag"));
			assertThat(afterAmend.json().get("description").asString()).isEqualTo("from b");
			assertThat(a.get("/api/v1/experiments?tag=replica:" + name)
				.json()
				.get("items")
				.get(0)
				.get("description")
				.asString()).isEqualTo("from b");
			Response stale = a.http.patch("/api/v1/experiments/" + id, "{\"description\": \"from a\"}",
					auth("If-Match", created.header("ETag")));
			assertThat(stale.status()).as(stale.text()).isEqualTo(412);
			assertThat(a.get("/api/v1/experiments/" + id).json().get("description").asString()).isEqualTo("from b");

			String path = "/api/v1/experiments/" + id + "/epochs/3/ranks/2/indices";
			assertThat(b.get(path).header("Seedbank-Order-Sha256"))
				.isEqualTo(a.get(path).header("Seedbank-Order-Sha256"))
				.hasSize(64);

			Response token = a.http.post("/api/v1/tokens", "{\"name\": \"replica-writer\", \"role\": \"WRITER\"}",
					ChildApp.AUTH);
			assertThat(token.status()).as(token.text()).isEqualTo(201);
			String secret = token.json().get("token").asString();
			assertThat(b.http.get("/api/v1/experiments/" + id, "Authorization", "Bearer " + secret).status())
				.isEqualTo(200);
			Response other = a.http.post("/api/v1/tokens", "{\"name\": \"replica-reader\", \"role\": \"READER\"}",
					ChildApp.AUTH);
			String revoked = other.json().get("token").asString();
			assertThat(a.http
				.send("DELETE", "/api/v1/tokens/" + other.json().get("id").asString(), new byte[0], ChildApp.AUTH)
				.status()).isEqualTo(204);
			assertThat(b.http.get("/api/v1/experiments/" + id, "Authorization", "Bearer " + revoked).status())
				.isEqualTo(401);
		}
	}

	private static void recreate(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(DB, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
	}

	private static String[] auth(String header, String value) {
		return new String[] { ChildApp.AUTH[0], ChildApp.AUTH[1], header, value };
	}

}
