package dev.seedbank;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end tests: real sockets, real headers, no test-only
 * shortcuts between the test and the server.
 * <p>
 * Sends {@code Authorization: Bearer} {@link #BOOTSTRAP_TOKEN} (the test profile's ADMIN
 * token) unless made {@link #anonymous()}, given {@link #withToken(String) another
 * token}, or a request passes its own {@code Authorization} header.
 */
public final class TestHttp {

	/** The ADMIN token {@code application-test.yml} sets as the bootstrap token. */
	public static final String BOOTSTRAP_TOKEN = "sb_test-bootstrap-token-0123456789abcdefghij";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final String base;

	private final String token;

	public TestHttp(int port) {
		this(port, BOOTSTRAP_TOKEN);
	}

	/**
	 * @param port the server's port
	 * @param token the bearer token to send, or {@code null} for none
	 */
	public TestHttp(int port, String token) {
		this(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, token);
	}

	private TestHttp(HttpClient client, String base, String token) {
		this.client = client;
		this.base = base;
		this.token = token;
	}

	/**
	 * @param token the bearer token to send instead
	 * @return a client sending it
	 */
	public TestHttp withToken(String token) {
		return new TestHttp(this.client, this.base, token);
	}

	/**
	 * @return a client sending no {@code Authorization} header
	 */
	public TestHttp anonymous() {
		return new TestHttp(this.client, this.base, null);
	}

	public Response get(String path, String... headers) {
		return send(builder(path, headers).GET());
	}

	public Response post(String path, String json, String... headers) {
		return send(builder(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response patch(String path, String json, String... headers) {
		return send(builder(path, headers).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response send(String method, String path, byte[] body, String... headers) {
		return send(builder(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder builder(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		boolean authorization = false;
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
			authorization |= headers[i].equalsIgnoreCase("Authorization");
		}
		if (this.token != null && !authorization) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonMapper json() {
		return JSON;
	}

	/**
	 * A response as received.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the raw body
	 */
	public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
