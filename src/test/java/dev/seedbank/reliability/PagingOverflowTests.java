package dev.seedbank.reliability;

import java.util.UUID;
import java.util.stream.Stream;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16.2: every paging parameter of every endpoint ({@code page}, {@code size},
 * {@code offset}, {@code limit}, {@code fromRank}, {@code toRank}), at and beyond the
 * limits of its type and where a product of two overflows, is a 400 naming it, never a
 * 500. {@code page=4294968&size=500} was a 500 ("Page offset exceeds Integer.MAX_VALUE").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingOverflowTests {

	private static final String INDICES = "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0&";

	@LocalServerPort
	int port;

	TestHttp http;

	String experiment;

	@BeforeAll
	void record() {
		this.http = new TestHttp(this.port);
		Response created = this.http.post("/api/v1/experiments", """
				{"name": "paging-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED", "sampler": {"datasetSize": 1000, "worldSize": 4}}
				""".formatted(UUID.randomUUID()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		this.experiment = created.header("Location");
	}

	static Stream<Arguments> overflows() {
		return Stream.of(
				// search: page * size must fit the offset Spring Data computes as an int
				Arguments.of("search", "?page=4294968&size=500", "page"),
				Arguments.of("search", "?page=2147483647&size=2", "page"),
				Arguments.of("search", "?page=2147483648", "page"),
				Arguments.of("search", "?page=99999999999999999999", "page"),
				Arguments.of("search", "?page=-1", "page"), Arguments.of("search", "?size=2147483648", "size"),
				Arguments.of("search", "?size=0", "size"), Arguments.of("search", "?size=501", "size"),
				Arguments.of("search", "?size=-2147483649", "size"),
				// stateless and recorded index slices
				Arguments.of("stateless", "offset=9223372036854775808", "offset"),
				Arguments.of("stateless", "offset=-1", "offset"),
				Arguments.of("stateless", "offset=9223372036854775807", "offset"),
				Arguments.of("stateless", "limit=9223372036854775808", "limit"),
				Arguments.of("stateless", "limit=-9223372036854775808", "limit"),
				Arguments.of("recorded", "?offset=9223372036854775807", "offset"),
				Arguments.of("recorded", "?offset=-9223372036854775808", "offset"),
				Arguments.of("recorded", "?offset=99999999999999999999", "offset"),
				Arguments.of("recorded", "?limit=99999999999999999999", "limit"),
				Arguments.of("recorded", "?limit=-1", "limit"),
				// the seed manifest's rank pages
				Arguments.of("manifest", "?fromRank=2147483647", "fromRank"),
				Arguments.of("manifest", "?fromRank=2147483648", "fromRank"),
				Arguments.of("manifest", "?fromRank=-1", "fromRank"),
				Arguments.of("manifest", "?fromRank=-2147483648&toRank=2", "fromRank"),
				Arguments.of("manifest", "?toRank=2147483647", "toRank"),
				Arguments.of("manifest", "?toRank=2147483648", "toRank"),
				Arguments.of("manifest", "?toRank=-1", "toRank"),
				Arguments.of("manifest", "?fromRank=3&toRank=1", "toRank"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("overflows")
	void aPagingParameterOutOfRangeIsA400NamingIt(String endpoint, String query, String parameter) {
		String path = switch (endpoint) {
			case "search" -> "/api/v1/experiments" + query;
			case "stateless" -> INDICES + query;
			case "recorded" -> this.experiment + "/epochs/0/ranks/1/indices" + query;
			case "manifest" -> this.experiment + "/manifest" + query;
			default -> throw new IllegalArgumentException(endpoint);
		};
		assertNamed(this.http.get(path), parameter);
	}

	@ParameterizedTest(name = "verify offset {0}")
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999" })
	void aVerifyOffsetOutOfRangeIsA400NamingIt(String offset) {
		assertNamed(this.http.post(this.experiment + "/epochs/0/ranks/1/verify",
				"{\"offset\": " + offset + ", \"indices\": [1]}"), "offset");
	}

	private static void assertNamed(Response response, String parameter) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.text())
			.isEqualTo(parameter);
	}

}
