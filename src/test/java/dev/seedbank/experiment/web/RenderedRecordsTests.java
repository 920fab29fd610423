package dev.seedbank.experiment.web;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.ExperimentStatus;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record rendered once per version writes exactly what {@link ExperimentResponse}
 * writes, alone and inside a page, and a newer version is never answered with older text.
 */
class RenderedRecordsTests {

	private static final UUID ID = UUID.fromString("0b5a4c0e-7d8e-4c55-9d3f-3f1e2a6b9c01");

	private final JsonMapper json = JsonMapper.builder().build();

	private final RenderedRecords rendered = new RenderedRecords(this.json);

	@Test
	void theRenderedTextIsWhatTheResponseRecordWrites() {
		ExperimentSnapshot record = snapshot("first", 0);

		String expected = this.json.writeValueAsString(ExperimentResponse.of(record));

		assertThat(this.json.writeValueAsString(this.rendered.of(record))).isEqualTo(expected);
		ExperimentPage page = new ExperimentPage(List.of(this.rendered.of(record), this.rendered.of(record)), 0, 20, 2,
				1);
		assertThat(this.json.writeValueAsString(page)).isEqualTo("{\"items\":[" + expected + "," + expected
				+ "],\"page\":0,\"size\":20,\"totalElements\":2,\"totalPages\":1}");
	}

	@Test
	void theSameVersionIsRenderedOnce() {
		assertThat(this.rendered.of(snapshot("first", 3))).isSameAs(this.rendered.of(snapshot("first", 3)));
	}

	@Test
	void aNewerVersionRendersAfreshAndAnOlderOneNeverReplacesIt() {
		this.rendered.of(snapshot("first", 0));

		RecordJson amended = this.rendered.of(snapshot("amended", 1));
		this.rendered.of(snapshot("first", 0));

		assertThat(amended.json()).contains("\"description\":\"amended\"", "\"version\":1");
		assertThat(this.rendered.of(snapshot("amended", 1))).isSameAs(amended);
	}

	private static ExperimentSnapshot snapshot(String description, long version) {
		Instant created = Instant.parse("2026-01-02T03:04:05.123456Z");
		return new ExperimentSnapshot(ID, "n", description, Framework.TORCH, FrameworkRelease.parse("2.5.1"),
				TorchRelease.parse("2.5.1"), BigInteger.valueOf(17), null, DataSeedPolicy.LINKED,
				BigInteger.valueOf(17), "linked", false, 10, 2, true, false, new DistributedSpec(10, 2, true, false),
				false, new TreeMap<>(), ExperimentStatus.ACTIVE, created, "anonymous", created.plusSeconds(version),
				version);
	}

}
