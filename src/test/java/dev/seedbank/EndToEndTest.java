package dev.seedbank;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the end-to-end HTTP tests: the whole application on a random port, over the
 * real PostgreSQL, and {@link #http} speaking to it as the bootstrap ADMIN
 * ({@link TestHttp#anonymous()} and {@link TestHttp#withToken(String)} for other
 * callers). Subclasses with the same configuration share one application context; one
 * that sets properties (say {@code @SpringBootTest(properties = ...)}) starts its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {

	@LocalServerPort
	protected int port;

	/** A client sending the bootstrap ADMIN token. */
	protected TestHttp http;

	@BeforeEach
	void connectAsAdmin() {
		this.http = new TestHttp(this.port);
	}

}
