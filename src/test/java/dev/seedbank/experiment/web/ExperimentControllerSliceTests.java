package dev.seedbank.experiment.web;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.seedbank.ControllerSlice;
import dev.seedbank.ExperimentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The experiment endpoints' validation and problem mapping, over a mocked
 * ExperimentService: a bad body is refused at the edge and never reaches the service.
 */
class ExperimentControllerSliceTests extends ControllerSlice {

	static Stream<Arguments> badBodies() {
		return Stream.of(bad("missing name", "name", (body) -> body.without("name")),
				bad("name over 200 characters", "name", (body) -> body.raw("name", "\"" + "n".repeat(201) + "\"")),
				bad("seed 2^64", "globalSeed", (body) -> body.globalSeed("18446744073709551616")),
				bad("seed as string", "globalSeed", (body) -> body.globalSeed("\"17\"")),
				bad("typo in a field name", "globalseed", (body) -> body.raw("globalseed", "17")),
				bad("unknown framework", "framework", (body) -> body.framework("jax", "0.4.0")),
				bad("unknown policy", "dataSeedPolicy", (body) -> body.policy("RANDOM")),
				bad("torch never released", "torchVersion", (body) -> body.torchVersion("1.13.7")),
				bad("missing sampler", "sampler", (body) -> body.without("sampler")),
				bad("world size 0", "sampler.worldSize", (body) -> body.worldSize(0)),
				bad("negative dataset size", "sampler.datasetSize", (body) -> body.datasetSize(-1)),
				bad("tag key with a colon", "tags", (body) -> body.tags("{\"a:b\": \"c\"}")));
	}

	private static Arguments bad(String label, String field, UnaryOperator<ExperimentJson> change) {
		return Arguments.of(label, field, change.apply(ExperimentJson.named("slice")).json());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void aBadBodyIsA400NamingTheFieldAndNeverReachesTheService(String label, String field, String body) {
		assertThat(this.mvc.post().uri("/api/v1/experiments").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().extractingPath("$.type").asString().endsWith("/validation");
				json.assertThat()
					.extractingPath("$.errors[*].field")
					.asArray()
					.anySatisfy((name) -> assertThat(name.toString()).startsWith(field));
			});
		verifyNoInteractions(this.experiments);
	}

	@Test
	void aBodyThatIsNoJsonIsA400MalformedBody() {
		assertThat(this.mvc.post()
			.uri("/api/v1/experiments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": ")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.type")
			.asString()
			.endsWith("/malformed-body");
		verifyNoInteractions(this.experiments);
	}

	@Test
	void anIdThatIsNoUuidIsA400NamingIt() {
		assertThat(this.mvc.get().uri("/api/v1/experiments/not-a-uuid")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("id");
		verifyNoInteractions(this.experiments);
	}

	@Test
	void anAmendWithoutIfMatchIsA428() {
		assertThat(this.mvc.patch()
			.uri("/api/v1/experiments/00000000-0000-0000-0000-000000000001")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\": \"x\"}")).hasStatus(428);
		verifyNoInteractions(this.experiments);
	}

}
