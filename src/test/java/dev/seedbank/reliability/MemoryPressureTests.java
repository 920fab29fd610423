package dev.seedbank.reliability;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 3, as probed: in a 512 MiB JVM (a 128 MiB permutation budget), 64
 * concurrent requests over 8 different permutations that each fit the budget gave 56
 * 413s. Each fits, so each now waits for room and every request is a 200 with its exact
 * list; 413 stays for a permutation larger than the whole budget.
 */
class MemoryPressureTests {

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void permutationsThatFitTheBudgetWaitForRoomInsteadOfFailing() throws Exception {
		int requests = 64;
		int permutations = 8;
		int worldSize = 64;
		long n = 30_000_000;
		try (ChildApp app = ChildApp.start("512m", "--seedbank.order.budget-wait=5m")) {
			ExecutorService pool = Executors.newFixedThreadPool(requests);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<String>> answers = new ArrayList<>();
				for (int request = 0; request < requests; request++) {
					String path = "/api/v1/samplers/distributed/indices?datasetSize=" + n + "&worldSize=" + worldSize
							+ "&rank=" + (request % worldSize) + "&seed=" + (request % permutations);
					answers.add(pool.submit(() -> {
						go.await();
						return check(app.get(path, "Accept", "application/octet-stream"), n / worldSize);
					}));
				}
				go.countDown();
				for (Future<String> answer : answers) {
					assertThat(answer.get(9, TimeUnit.MINUTES)).isEqualTo("200, whole list, digest matches");
				}
			}
			finally {
				pool.shutdownNow();
			}
			Response tooLarge = app.get("/api/v1/samplers/distributed/indices?datasetSize=40000000&worldSize=8&rank=0",
					"Accept", "application/octet-stream");
			assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
			assertThat(app.process.isAlive()).isTrue();
			assertThat(app.log()).doesNotContain("OutOfMemoryError");
		}
	}

	/** What a rank got, in a few words: the bodies are not kept. */
	private static String check(Response response, long count) throws Exception {
		if (response.status() != 200) {
			return response.status() + ": " + response.text();
		}
		String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
		return "200" + ((response.body().length == count * Long.BYTES) ? ", whole list" : ", short list")
				+ (digest.equals(response.header("Seedbank-Order-Sha256")) ? ", digest matches" : ", digest differs");
	}

}
