package dev.seedbank.experiment;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a key's row stores: the mutable fields as first answered, laid over the record as
 * it is now. The end-to-end replays are in {@link ExperimentIdempotencyTests}.
 */
class IdempotentCreatesTests {

	private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456Z");

	@Test
	void aReplayShowsTheMutableFieldsAsFirstAnsweredAndTheRestAsRecorded() {
		ExperimentSnapshot created = snapshot("first words", Map.of("b", "2", "a", "1"), ExperimentStatus.ACTIVE,
				CREATED, 0);
		ExperimentSnapshot amended = snapshot(null, Map.of("c", "3"), ExperimentStatus.ARCHIVED,
				CREATED.plusSeconds(60), 2);

		ExperimentSnapshot replayed = IdempotentCreates.asFirstAnswered(amended,
				IdempotentCreates.mutableFields(created));

		assertThat(replayed).isEqualTo(created);
		assertThat(replayed.tags().keySet()).containsExactly("a", "b");
	}

	@Test
	void aRowHoldingAWholeRenderedResponseFromEarlierBuildsStillReplays() {
		ExperimentSnapshot current = snapshot("later", Map.of(), ExperimentStatus.ARCHIVED, CREATED.plusSeconds(9), 4);
		String earlierRow = "{\"id\":\"" + current.id() + "\",\"name\":\"n\",\"description\":null,"
				+ "\"framework\":\"torch\",\"sampler\":{\"kind\":\"distributed\"},\"tags\":{\"team\":\"vision\"},"
				+ "\"status\":\"ACTIVE\",\"createdAt\":\"2026-01-02T03:04:05.123456Z\",\"createdBy\":\"anonymous\","
				+ "\"updatedAt\":\"2026-01-02T03:04:05.123456Z\",\"version\":0}";

		ExperimentSnapshot replayed = IdempotentCreates.asFirstAnswered(current, earlierRow);

		assertThat(replayed).isEqualTo(snapshot(null, Map.of("team", "vision"), ExperimentStatus.ACTIVE, CREATED, 0));
	}

	private static final UUID ID = UUID.fromString("0b5a4c0e-7d8e-4c55-9d3f-3f1e2a6b9c01");

	private static ExperimentSnapshot snapshot(String description, Map<String, String> tags, ExperimentStatus status,
			Instant updatedAt, long version) {
		return new ExperimentSnapshot(ID, "n", description, Framework.TORCH, FrameworkRelease.parse("2.5.1"),
				TorchRelease.parse("2.5.1"), BigInteger.valueOf(17), null, DataSeedPolicy.LINKED,
				BigInteger.valueOf(17), "linked", false, 10, 2, true, false, new DistributedSpec(10, 2, true, false),
				false, new java.util.TreeMap<>(tags), status, CREATED, "anonymous", updatedAt, version);
	}

}
