package dev.seedbank.order;

import java.nio.ByteBuffer;

import dev.seedbank.ControllerSlice;
import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.TorchWouldRaiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The index endpoints' binding, negotiation and problem mapping: the real
 * {@code IndexResponder} over a mocked {@code IndexOrderService}.
 */
class IndexControllerSliceTests extends ControllerSlice {

	private static final String STATELESS = "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0";

	@Test
	void aPageIsServedAsJsonWithTheDigestOfTheWholeList() {
		givenTheOrder(new Ascending(5));
		assertThat(this.mvc.get().uri(STATELESS + "&offset=1&limit=3")).hasStatusOk()
			.hasHeader("Seedbank-Order-Sha256", new Ascending(5).sha256())
			.hasHeader("Seedbank-Total-Count", "5")
			.bodyJson()
			.extractingPath("$.indices")
			.asArray()
			.containsExactly(1, 2, 3);
	}

	@Test
	void anAcceptNoFormatMatchesIsA406Problem() {
		givenTheOrder(new Ascending(5));
		assertThat(this.mvc.get().uri(STATELESS).accept(MediaType.IMAGE_PNG)).hasStatus(406)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.asString()
			.endsWith("/not-acceptable");
	}

	@Test
	void anAcceptThatIsNoMediaTypeListIsA400NamingAccept() {
		givenTheOrder(new Ascending(5));
		assertThat(this.mvc.get().uri(STATELESS).header("Accept", "not a media type")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("Accept");
	}

	@Test
	void anOffsetPastTheEndIsA400NamingOffset() {
		givenTheOrder(new Ascending(5));
		assertThat(this.mvc.get().uri(STATELESS + "&offset=6")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("offset");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing datasetSize | worldSize=2&rank=0                          | datasetSize
			worldSize not a number | datasetSize=10&worldSize=two&rank=0      | worldSize
			seed not an integer | datasetSize=10&worldSize=2&rank=0&seed=1.5 | seed
			torch never released | datasetSize=10&worldSize=2&rank=0&torchVersion=1.4.0 | torchVersion
			""")
	void aBadParameterIsA400NamingItAndNeverReachesTheService(String label, String query, String field) {
		assertThat(this.mvc.get().uri("/api/v1/samplers/distributed/indices?" + query)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly(field);
		verifyNoInteractions(this.orders);
	}

	@Test
	void anArgumentTheEngineRejectsIsA400NamingIt() {
		given(this.orders.slice(any(SamplerParameters.class), anyInt()))
			.willThrow(new InvalidSamplerArgumentException("rank", "must be in [0, 2)"));
		assertThat(this.mvc.get().uri(STATELESS)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("rank");
	}

	@Test
	void whatTorchWouldRaiseIsA422() {
		given(this.orders.slice(any(SamplerParameters.class), anyInt()))
			.willThrow(new TorchWouldRaiseException(TorchVersion.parse("1.5.0"), "RuntimeError: seed"));
		assertThat(this.mvc.get().uri(STATELESS)).hasStatus(422)
			.bodyJson()
			.extractingPath("$.type")
			.asString()
			.endsWith("/torch-would-raise");
	}

	private void givenTheOrder(IndexOrder order) {
		given(this.orders.slice(any(SamplerParameters.class), anyInt()))
			.willReturn(RankSlice.torch(order, order.sha256(), TorchVersion.parse("2.5.1")));
	}

	/** 0, 1, ..., length - 1: enough of an order to page through. */
	record Ascending(long length) implements IndexOrder {

		@Override
		public long get(long k) {
			return k;
		}

		@Override
		public void write(long from, long to, ByteBuffer target) {
			for (long k = from; k < to; k++) {
				target.putLong(k);
			}
		}

	}

}
