package dev.seedbank.sampling.timeline;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import dev.seedbank.reference.ReferencePython;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2-rank job killed mid-epoch and resumed on 1 or 3 ranks, replayed in real torch 2.13
 * with real {@code DistributedSampler}s: the first job's ranks read their lists while the
 * job's sample counter is below the kill point; the relaunched job builds new samplers at
 * its world size and, under {@code torch}, skips {@code kill // W} of each list, under
 * {@code exact}, reads the first job's interleaved stream from the kill point. The
 * per-sample counts must equal seedbank's coverage.
 */
class CoverageLiveTorchTests {

	private static final String SCRIPT = """
			import hashlib, sys
			from torch.utils.data import DistributedSampler
			def lists(n, w, seed, epoch):
			    out = []
			    for r in range(w):
			        s = DistributedSampler(range(n), num_replicas=w, rank=r, shuffle=True, seed=seed)
			        s.set_epoch(epoch)
			        out.append(list(s))
			    return out
			for line in sys.stdin:
			    n, seed, epoch, w0, kill, w1, rule = line.split()
			    n, seed, epoch, w0, kill, w1 = int(n), int(seed), int(epoch), int(w0), int(kill), int(w1)
			    counts = [0] * n
			    first = lists(n, w0, seed, epoch)
			    for r in range(w0):
			        for i, index in enumerate(first[r]):
			            if r + i * w0 >= kill:
			                break
			            counts[index] += 1
			    if rule == "torch":
			        for r, own in enumerate(lists(n, w1, seed, epoch)):
			            for index in own[kill // w1:]:
			                counts[index] += 1
			    else:
			        stream = [first[p % w0][p // w0] for p in range(len(first[0]) * w0)]
			        rounds = -(-(len(stream) - kill) // w1)
			        for r in range(w1):
			            for i in range(rounds):
			                counts[stream[(kill + r + i * w1) % len(stream)]] += 1
			    summary = (sum(c == 0 for c in counts), sum(c == 1 for c in counts), sum(c > 1 for c in counts))
			    print(*summary, hashlib.sha256(bytes(min(c, 255) for c in counts)).hexdigest(), flush=True)
			""";

	@Test
	void killedAndResumedJobsCountLikeRealTorch() throws Exception {
		ReferencePython python = ReferencePython.venv();
		long seedOfSeeds = System.nanoTime();
		Random random = new Random(seedOfSeeds);
		List<String> cases = new ArrayList<>();
		List<Coverage> coverages = new ArrayList<>();
		StringBuilder input = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			int n = 1 + random.nextInt(5000);
			long seed = random.nextInt(1000);
			long epoch = random.nextInt(5);
			int w1 = (i % 2 == 0) ? 1 : 1 + random.nextInt(5);
			Resume resume = (i % 4 < 2) ? Resume.TORCH : Resume.EXACT;
			SamplerParameters record = new SamplerParameters(n, 2, 0, BigInteger.valueOf(seed), true, false,
					TorchVersion.parse("2.13.0"));
			Timeline timeline = Runs.start(record);
			long kill = random.nextInt((int) timeline.streamLength(epoch) + 1);
			timeline = timeline.append(w1, epoch, kill, resume, null, null);
			coverages.add(Coverage.of(timeline, epoch));
			String line = n + " " + seed + " " + epoch + " 2 " + kill + " " + w1 + " " + resume.name().toLowerCase();
			cases.add(line);
			input.append(line).append('\n');
		}
		List<String> torch = python.run(SCRIPT, input.toString());
		assertThat(torch).hasSize(cases.size());
		for (int i = 0; i < cases.size(); i++) {
			Coverage c = coverages.get(i);
			byte[] counts = new byte[(int) c.datasetSize()];
			for (int k = 0; k < counts.length; k++) {
				counts[k] = (byte) c.count(k);
			}
			String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(counts));
			assertThat(c.neverSeen() + " " + c.seenOnce() + " " + c.seenMoreThanOnce() + " " + digest)
				.as("case %d (%s), java.util.Random seed %d", i, cases.get(i), seedOfSeeds)
				.isEqualTo(torch.get(i));
		}
	}

}
