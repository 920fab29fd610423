package dev.seedbank.experiment;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.seedbank.experiment.ExperimentBodies.body;
import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExperimentAuditTests {

	@LocalServerPort
	int port;

	TestHttp writer;

	String location;

	@BeforeEach
	void createOneAsAWriter() {
		TestHttp admin = new TestHttp(this.port);
		Response token = admin.post("/api/v1/tokens", "{\"name\": \"audit-writer\", \"role\": \"WRITER\"}");
		this.writer = admin.withToken(token.json().get("token").asString());
		Response created = this.writer.post("/api/v1/experiments", body(uniqueName("audit")));
		assertThat(created.status()).isEqualTo(201);
		this.location = created.header("Location");
	}

	@Test
	void creationAndEveryChangedFieldAreRecordedWithTheTokensName() {
		Response patched = this.writer.patch(this.location,
				"{\"description\": \"rerun\", \"tags\": {\"team\": \"vision\"}, \"status\": \"ARCHIVED\"}", "If-Match",
				"\"v0\"");
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("createdBy").asString()).isEqualTo("audit-writer");

		Response audit = this.writer.get(this.location + "/audit");
		assertThat(audit.status()).as(audit.text()).isEqualTo(200);
		JsonNode entries = audit.json().get("entries");
		assertThat(entries.findValuesAsString("field")).containsExactly("created", "description", "status");
		assertThat(entries.findValuesAsString("changedBy")).containsOnly("audit-writer");
		assertThat(entries.get(1).get("oldValue").asString()).isEqualTo("test");
		assertThat(entries.get(1).get("newValue").asString()).isEqualTo("rerun");
		assertThat(entries.get(2).get("oldValue").asString()).isEqualTo("ACTIVE");
		assertThat(entries.get(2).get("newValue").asString()).isEqualTo("ARCHIVED");

		assertThat(this.writer.patch(this.location, "{\"tags\": {\"team\": \"nlp\"}}", "If-Match", "\"v1\"").status())
			.isEqualTo(200);
		JsonNode tags = this.writer.get(this.location + "/audit").json().get("entries").get(3);
		assertThat(tags.get("field").asString()).isEqualTo("tags");
		assertThat(tags.get("oldValue").asString()).isEqualTo("{\"team\":\"vision\"}");
		assertThat(tags.get("newValue").asString()).isEqualTo("{\"team\":\"nlp\"}");
	}

	@Test
	void aRejectedPatchLeavesNoAuditRow() {
		assertThat(this.writer.patch(this.location, "{\"description\": \"x\"}", "If-Match", "\"v7\"").status())
			.isEqualTo(412);
		assertThat(this.writer.patch(this.location, "{\"globalSeed\": 99}", "If-Match", "\"v0\"").status())
			.isEqualTo(409);
		assertThat(this.writer.get(this.location + "/audit").json().get("entries").findValuesAsString("field"))
			.containsExactly("created");
	}

	@Test
	void theAuditOfAnUnknownExperimentIs404() {
		Response response = this.writer.get("/api/v1/experiments/" + java.util.UUID.randomUUID() + "/audit");
		assertThat(response.status()).isEqualTo(404);
	}

}
