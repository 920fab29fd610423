package dev.seedbank.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.seedbank.SeedbankApplication;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile query parameters, path segments, headers and JSON bodies at every
 * endpoint: never a 5xx, never a stack trace or an exception's class name, every 4xx an
 * RFC 9457 problem. One server for all tries; a 16 MiB permutation budget keeps every try
 * cheap. Paths not merged into this branch yet may 404; only the invariants are checked.
 */
class HostileInputTests {

	private static final Pattern LEAK = Pattern.compile(
			"\\tat |[a-z]\\.[A-Za-z]+(Exception|Error)\\b|\\b(java|jakarta|org\\.springframework|org\\.hibernate|org\\.postgresql|tools\\.jackson|com\\.fasterxml)\\.[a-z]");

	private static final List<String> GET_PATHS = List.of("/api/v1/experiments/{id}", "/api/v1/experiments",
			"/api/v1/samplers/distributed/indices", "/api/v1/experiments/{id}/epochs/{epoch}/ranks/{rank}/indices",
			"/api/v1/experiments/{id}/manifest", "/api/v1/experiments/{id}/ranks/{rank}/manifest",
			"/api/v1/experiments/{id}/ranks/{rank}/epochs/{epoch}/workers", "/api/v1/experiments/compare",
			"/api/v1/samplers/random/indices", "/api/v1/samplers/accelerate/indices",
			"/api/v1/samplers/hf-datasets/indices", "/api/v1/seeds/workers");

	private static final List<String> BODY_PATHS = List.of("POST /api/v1/experiments", "PATCH /api/v1/experiments/{id}",
			"POST /api/v1/experiments/{id}/epochs/{epoch}/ranks/{rank}/verify");

	private static final List<String> PARAMETERS = List.of("name", "namePrefix", "framework", "tag", "status",
			"createdAfter", "createdBefore", "page", "size", "datasetSize", "worldSize", "rank", "epoch", "seed",
			"shuffle", "dropLast", "torchVersion", "offset", "limit", "numWorkers", "persistentWorkers", "left",
			"right", "numSamples", "replacement", "dataLoader", "numProcesses", "processIndex", "batchSize",
			"evenBatches", "splitBatches", "accelerateVersion", "numShards", "shardIndex", "contiguous",
			"datasetsVersion", "loaderSeed", "frameworkVersion", "seedWorkers");

	private static final List<String> HOSTILE = List.of("", " ", "-1", "0", "1", "2147483648", "-2147483649",
			"9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
			"1" + "0".repeat(400), "1e400", "-0", "1.5", "NaN", "Infinity", "0x10", "true", "null", "{}", "[]",
			"' OR 1=1 --", "'; DROP TABLE experiment; --", "\" OR \"\"=\"", "%00", "\u0000", "a\u0000b", "..", "../..",
			"/", "\\", "😀", "日本語", "\uFEFF", "\u202E", "<script>alert(1)</script>", "${jndi:ldap://x}", "a:b", ":",
			"team:", ":vision", "ACTIVE", "archived", "2026-11-28T00:00:00Z", "2026-13-45T99:99:99Z", "x".repeat(5000),
			"2.5.1", "99.99.99", "torch", UUID.randomUUID().toString());

	private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

	private static ConfigurableApplicationContext context;

	private static TestHttp http;

	private static String knownId;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(SeedbankApplication.class).run("--server.port=0",
				"--seedbank.order.cache-max-bytes=16777216");
		http = new TestHttp(((WebServerApplicationContext) context).getWebServer().getPort());
		Response created = http.post("/api/v1/experiments", validBody("hostile-known-" + UUID.randomUUID()));
		assertThat(created.status()).isEqualTo(201);
		knownId = created.json().get("id").asString();
	}

	@AfterContainer
	static void stop() {
		System.out.printf("hostile input: %d requests, statuses %s, no 5xx, every 4xx a problem%n",
				STATUSES.values().stream().mapToInt(Integer::intValue).sum(), STATUSES);
		if (context != null) {
			context.close();
		}
	}

	@Property(tries = 400)
	void hostileQueryParametersAndPathSegments(@ForAll("getPaths") String template,
			@ForAll("pathValues") List<String> pathValues, @ForAll("queries") Map<String, String> query,
			@ForAll("accepts") String accept) {
		StringBuilder url = new StringBuilder(path(template, pathValues));
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
			separator = '&';
		}
		Response response = (accept != null) ? http.get(url.toString(), "Accept", accept) : http.get(url.toString());
		check("GET " + abbreviate(url.toString()), response);
	}

	@Property(tries = 400)
	void hostileJsonBodies(@ForAll("bodyPaths") String target, @ForAll("pathValues") List<String> pathValues,
			@ForAll("bodies") String body, @ForAll("ifMatches") String ifMatch) {
		String[] methodAndPath = target.split(" ");
		String path = path(methodAndPath[1], pathValues);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Response response = (ifMatch != null)
				? http.send(methodAndPath[0], path, bytes, "Content-Type", "application/json", "If-Match", ifMatch)
				: http.send(methodAndPath[0], path, bytes, "Content-Type", "application/json");
		check(methodAndPath[0] + " " + path + " " + abbreviate(body.replace('\n', ' ')), response);
	}

	@Property(tries = 100)
	void bodiesThatAreNotJsonOrNotUtf8(@ForAll("bodyPaths") String target, @ForAll("rawBodies") byte[] body,
			@ForAll("contentTypes") String contentType) {
		String[] methodAndPath = target.split(" ");
		Response response = http.send(methodAndPath[0], path(methodAndPath[1], List.of(knownId, "0", "0")), body,
				"Content-Type", contentType, "If-Match", "\"v0\"");
		check(target + " " + contentType + " " + body.length + " bytes", response);
	}

	private static void check(String request, Response response) {
		STATUSES.merge(response.status(), 1, Integer::sum);
		String text = response.text();
		assertThat(response.status()).as("%s -> %s", request, abbreviate(text)).isLessThan(500);
		assertThat(text).as("%s leaks internals", request).doesNotContainPattern(LEAK);
		if (response.status() >= 400) {
			assertThat(response.header("Content-Type")).as("%s -> %d %s", request, response.status(), abbreviate(text))
				.startsWith("application/problem+json");
			JsonNode problem = response.json();
			for (String field : List.of("type", "title", "status", "detail")) {
				assertThat(problem.hasNonNull(field)).as("%s: problem without %s: %s", request, field, text).isTrue();
			}
			assertThat(problem.get("status").asInt()).isEqualTo(response.status());
		}
	}

	@Provide
	Arbitrary<String> getPaths() {
		return Arbitraries.of(GET_PATHS);
	}

	@Provide
	Arbitrary<String> bodyPaths() {
		return Arbitraries.of(BODY_PATHS);
	}

	/** Values for {id}, {epoch} and {rank}: mostly plausible, sometimes hostile. */
	@Provide
	Arbitrary<List<String>> pathValues() {
		Arbitrary<String> id = Arbitraries.frequencyOf(weighted(6, Arbitraries.just(knownId)),
				weighted(2, Arbitraries.create(() -> UUID.randomUUID().toString())), weighted(2, hostile()));
		Arbitrary<String> number = Arbitraries.frequencyOf(
				weighted(6, Arbitraries.integers().between(0, 5).map(String::valueOf)),
				weighted(2, Arbitraries.longs().map(String::valueOf)), weighted(2, hostile()));
		return Combinators.combine(id, number, number).as(List::of);
	}

	@Provide
	Arbitrary<Map<String, String>> queries() {
		Arbitrary<String> names = Arbitraries.frequencyOf(weighted(9, Arbitraries.of(PARAMETERS)),
				weighted(1, Arbitraries.strings().ofMaxLength(20)));
		return Arbitraries.maps(names, hostile()).ofMaxSize(6).map(LinkedHashMap::new);
	}

	@Provide
	Arbitrary<String> accepts() {
		return Arbitraries
			.of("application/json", "application/octet-stream", "application/x-npy", "text/plain", "*/*",
					"application/problem+json", "image/png", "garbage", "application/json;q=0,*/*;q=0.1")
			.injectNull(0.1);
	}

	@Provide
	Arbitrary<String> ifMatches() {
		return Arbitraries
			.of("\"v0\"", "\"v1\"", "W/\"v0\"", "*", "\"v99999999999999999999\"", "\"v-1\"", "\"\"", "garbage")
			.injectNull(0.2);
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json; charset=ISO-8859-1", "text/plain",
				"application/xml", "application/x-www-form-urlencoded", "application/merge-patch+json", "*/*",
				"garbage");
	}

	@Provide
	Arbitrary<byte[]> rawBodies() {
		return Arbitraries.frequencyOf(weighted(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
				weighted(1, Arbitraries.just(new byte[] { (byte) 0xC3, (byte) 0x28, '{', '}' })),
				weighted(1, Arbitraries
					.just(new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}' })));
	}

	@Provide
	Arbitrary<String> bodies() {
		Arbitrary<String> valid = Arbitraries.create(() -> validBody("hostile-" + UUID.randomUUID()));
		Arbitrary<String> mutated = Combinators
			.combine(
					Arbitraries.of("name", "description", "framework", "frameworkVersion", "torchVersion", "globalSeed",
							"dataSeed", "dataSeedPolicy", "deviceSpecific", "sampler", "tags", "sha256", "count",
							"offset", "indices", "status", "unknownField"),
					Arbitraries.of("datasetSize", "worldSize", "shuffle", "dropLast", "extra"), jsonValue(3),
					Arbitraries.integers().between(0, 2))
			.as(HostileInputTests::mutate);
		Arbitrary<String> deep = Arbitraries.integers()
			.between(100, 100_000)
			.flatMap((depth) -> Arbitraries.of("[".repeat(depth) + "]".repeat(depth),
					"{\"a\":".repeat(depth) + "1" + "}".repeat(depth), "{\"sampler\":" + "[".repeat(depth)));
		Arbitrary<String> truncated = Arbitraries.integers().between(0, 300).map((cut) -> {
			String body = validBody("hostile-cut-" + UUID.randomUUID());
			return body.substring(0, Math.min(cut, body.length() - 1));
		});
		Arbitrary<String> duplicateKeys = Arbitraries.create(() -> validBody("hostile-dup-" + UUID.randomUUID())
			.replaceFirst("\\{", "{\"name\": 17, \"tags\": {\"a\": \"1\", \"a\": \"2\"}, \"sampler\": null, "));
		Arbitrary<String> verify = Combinators.combine(jsonValue(2), jsonValue(2), jsonValue(2), jsonValue(2))
			.as((sha, count, offset, indices) -> "{\"sha256\": %s, \"count\": %s, \"offset\": %s, \"indices\": %s}"
				.formatted(sha, count, offset, indices));
		Arbitrary<String> verifyIndices = Arbitraries.longs()
			.list()
			.ofMaxSize(30)
			.map((list) -> "{\"offset\": 0, \"indices\": " + list + "}");
		return Arbitraries.frequencyOf(weighted(1, valid), weighted(5, mutated), weighted(3, jsonValue(4)),
				weighted(1, deep), weighted(2, truncated), weighted(1, duplicateKeys), weighted(2, verify),
				weighted(1, verifyIndices), weighted(1, hostile().map((value) -> "\"" + value + "\"")));
	}

	/** A random JSON value, written by hand so duplicate keys and odd numbers survive. */
	private static Arbitrary<String> jsonValue(int depth) {
		Arbitrary<String> scalar = Arbitraries.oneOf(
				Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e400", "-1e-400", "18446744073709551615",
						"18446744073709551616", "-9223372036854775809", "9".repeat(2000), "2147483648", "\"\"",
						"\"\\u0000\"", "\"FRAMEWORK_DEFAULT\"", "\"torch\"", "\"2.5.1\"", "\"0\"",
						"\"" + "x".repeat(5000) + "\""),
				Arbitraries.longs().map(String::valueOf),
				Arbitraries.doubles().map(String::valueOf).filter((d) -> !d.contains("N") && !d.contains("I")),
				hostile().map(HostileInputTests::quote),
				Arbitraries.strings().ofMaxLength(30).map(HostileInputTests::quote));
		if (depth == 0) {
			return scalar;
		}
		Arbitrary<String> array = jsonValue(depth - 1).list()
			.ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> object = Arbitraries
			.maps(Arbitraries.oneOf(Arbitraries.of("name", "datasetSize", "worldSize", "team", "a"),
					Arbitraries.strings().ofMaxLength(10)), jsonValue(depth - 1))
			.ofMaxSize(4)
			.map((fields) -> {
				StringBuilder json = new StringBuilder("{");
				fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "")
					.append(quote(key))
					.append(':')
					.append(value));
				return json.append('}').toString();
			});
		return Arbitraries.frequencyOf(weighted(4, scalar), weighted(1, array), weighted(1, object));
	}

	private static String mutate(String field, String samplerField, String value, int how) {
		String body = validBody("hostile-m-" + UUID.randomUUID());
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : body.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				fields.put(line.substring(line.indexOf('"') + 1, colon - 1), line.substring(colon + 1).trim());
			}
		}
		switch (how) {
			case 0 -> fields.put(field, value);
			case 1 -> fields.remove(field);
			default -> fields.put("sampler",
					"{\"datasetSize\": 1000, \"worldSize\": 4, \"" + samplerField + "\": " + value + "}");
		}
		StringBuilder json = new StringBuilder("{");
		fields.forEach((key, v) -> json.append(json.length() > 1 ? ", " : "")
			.append(quote(key))
			.append(": ")
			.append(v.replaceAll(",$", "")));
		return json.append('}').toString();
	}

	private static String validBody(String name) {
		return """
				{
				"name": "%s",
				"description": "hostile input",
				"framework": "torch",
				"frameworkVersion": "2.5.1",
				"torchVersion": "2.5.1",
				"globalSeed": 17,
				"dataSeed": null,
				"dataSeedPolicy": "LINKED",
				"sampler": {"datasetSize": 1000, "worldSize": 4, "shuffle": true, "dropLast": false},
				"tags": {"team": "vision"}
				}""".formatted(name);
	}

	private static Arbitrary<String> hostile() {
		return Arbitraries.frequencyOf(weighted(3, Arbitraries.of(HOSTILE)),
				weighted(1, Arbitraries.strings().ofMaxLength(40)),
				weighted(1, Arbitraries.strings().all().ofMaxLength(20)),
				weighted(1,
						Arbitraries.bigIntegers()
							.between(java.math.BigInteger.TWO.pow(70).negate(), java.math.BigInteger.TWO.pow(70))
							.map(String::valueOf)));
	}

	private static String path(String template, List<String> values) {
		return template.replace("{id}", encode(values.get(0)))
			.replace("{epoch}", encode(values.get(1)))
			.replace("{rank}", encode(values.get(2)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String quote(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
		return Tuple.of(weight, arbitrary);
	}

}
