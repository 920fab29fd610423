package dev.seedbank.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.seedbank.sampling.ReleaseVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DataLoader worker seeds against {@code torch-1.13-dataloader-workers.jsonl}, read back
 * from real worker processes of torch 1.13.1, and against values printed by the same
 * torch for persistent workers and out-of-range loader seeds.
 */
class WorkerSeedsTests {

	private static final ReleaseVersion TORCH_1_13 = ReleaseVersion.parse("1.13.1");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	static Stream<JsonNode> conformanceRows() throws IOException {
		try (InputStream in = WorkerSeedsTests.class
			.getResourceAsStream("/conformance/torch-1.13-dataloader-workers.jsonl")) {
			List<JsonNode> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					rows.add(JSON.readTree(line));
				}
			}
			return rows.stream();
		}
	}

	@Test
	void conformanceFileHoldsEighteenCases() throws IOException {
		assertThat(conformanceRows()).hasSize(18);
	}

	@ParameterizedTest
	@MethodSource("conformanceRows")
	void matchesRealWorkerProcesses(JsonNode row) {
		BigInteger loaderSeed = row.get("loaderSeed").bigIntegerValue();
		int epoch = row.get("epoch").asInt();
		int numWorkers = row.get("numWorkers").asInt();
		String where = "loaderSeed " + loaderSeed + " epoch " + epoch + " numWorkers " + numWorkers;
		EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(loaderSeed, epoch, numWorkers, false,
				ReleaseVersion.parse(row.get("torchVersion").asString()));
		assertThat(seeds.baseSeed()).as(where + ": baseSeed").isEqualTo(row.get("baseSeed").asLong());
		assertThat(seeds.numpySeeded()).as(where + ": numpySeeded").isTrue();
		JsonNode expectedWorkers = row.get("workers");
		assertThat(seeds.workers()).as(where + ": workers").hasSize(expectedWorkers.size());
		for (int w = 0; w < expectedWorkers.size(); w++) {
			JsonNode expected = expectedWorkers.get(w);
			WorkerSeed actual = seeds.workers().get(w);
			String worker = where + " worker " + w;
			assertThat(actual.workerId()).as(worker + ": workerId").isEqualTo(expected.get("workerId").asInt());
			assertThat(actual.seed()).as(worker + ": seed").isEqualTo(expected.get("seed").bigIntegerValue());
			for (int i = 0; i < 4; i++) {
				assertThat(actual.numpySeed().get(i)).as(worker + ": numpySeed word " + i)
					.isEqualTo(expected.get("numpySeed").get(i).asLong());
			}
			assertThat(actual.numpySeed()).as(worker + ": numpySeed length").hasSize(4);
		}
	}

	@Test
	void persistentWorkersKeepTheFirstBaseSeed() {
		// torch 1.13.1, DataLoader(persistent_workers=True, generator=manual_seed(42)):
		// every epoch's workers reported the epoch-0 base seed
		for (int epoch = 0; epoch < 3; epoch++) {
			EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(BigInteger.valueOf(42), epoch, 2, true, TORCH_1_13);
			assertThat(seeds.baseSeed()).as("epoch " + epoch).isEqualTo(6909045637428952499L);
			assertThat(seeds.workers().get(1).seed()).isEqualTo(new BigInteger("6909045637428952500"));
		}
		assertThat(WorkerSeeds.forEpoch(BigInteger.valueOf(42), 2, 2, false, TORCH_1_13).baseSeed())
			.isEqualTo(4279532810384561223L);
	}

	@Test
	void loaderSeedKeepsOnlyItsLow32Bits() {
		// torch 1.13.1: manual_seed(-1) and manual_seed(2**64 - 1) draw
		// 1800993050274709794,
		// 7607120784305990727; _generate_state(7607120784305990727, 5) printed below
		List<Long> numpy = List.of(3239499189L, 3901692985L, 1090052225L, 176997012L);
		for (BigInteger seed : List.of(BigInteger.valueOf(-1), FrameworkRules.TORCH_SEED_MAX)) {
			EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(seed, 1, 6, false, TORCH_1_13);
			assertThat(seeds.baseSeed()).as("loaderSeed " + seed).isEqualTo(7607120784305990727L);
			assertThat(seeds.workers().get(5).numpySeed()).as("loaderSeed " + seed).isEqualTo(numpy);
		}
		BigInteger above32 = BigInteger.ONE.shiftLeft(32).add(BigInteger.valueOf(42));
		assertThat(WorkerSeeds.forEpoch(above32, 0, 1, false, TORCH_1_13).baseSeed()).isEqualTo(6909045637428952499L);
	}

	@Test
	void torch19SeedsNumpyInWorkers() {
		EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(BigInteger.ZERO, 0, 1, false, ReleaseVersion.parse("1.9.0"));
		assertThat(seeds.numpySeeded()).isTrue();
		assertThat(seeds.workers().get(0).numpySeed()).containsExactly(3967694331L, 3701901974L, 3587100282L,
				1640741865L);
	}

	@Test
	void torch18DoesNotSeedNumpyInWorkers() {
		EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(BigInteger.ZERO, 0, 2, false, ReleaseVersion.parse("1.8.1"));
		assertThat(seeds.numpySeeded()).isFalse();
		assertThat(seeds.baseSeed()).isEqualTo(900450186894289455L);
		assertThat(seeds.workers()).extracting(WorkerSeed::numpySeed).containsOnlyNulls();
		assertThat(seeds.workers().get(1).seed()).isEqualTo(new BigInteger("900450186894289456"));
		assertThat(seeds.note()).contains("do not seed NumPy");
	}

	@Test
	void zeroWorkersStillDrawABaseSeed() {
		EpochWorkerSeeds seeds = WorkerSeeds.forEpoch(BigInteger.ZERO, 1, 0, false, TORCH_1_13);
		assertThat(seeds.workers()).isEmpty();
		assertThat(seeds.baseSeed()).isEqualTo(3969543146641149120L);
	}

}
