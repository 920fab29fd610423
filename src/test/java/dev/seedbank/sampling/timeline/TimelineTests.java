package dev.seedbank.sampling.timeline;

import java.util.Arrays;
import java.util.List;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Segments, the epoch's stream and each resume rule, against lists built by hand. */
class TimelineTests {

	private final SamplerParameters record = Runs.record(1003, 4, 17, false);

	@Test
	void distributedListsEqualTheSamplerAtEveryWorldSize() {
		RankLists lists = Runs.source(this.record).epoch(3);
		for (int w : new int[] { 1, 2, 3, 4, 7, 64 }) {
			for (int r = 0; r < w; r++) {
				long[] expected = Runs.list(this.record, 3, w, r);
				assertThat(lists.length(w)).isEqualTo(expected.length);
				for (int k = 0; k < expected.length; k++) {
					assertThat(lists.get(w, r, k)).as("w %d rank %d position %d", w, r, k).isEqualTo(expected[k]);
				}
			}
			long[] stream = Runs.stream(this.record, 3, w);
			int[] copied = new int[stream.length + 5];
			lists.copyStream(w, 0, stream.length, copied, 5);
			EpochStream epochStream = lists.stream(w);
			assertThat(epochStream.length()).isEqualTo(stream.length);
			for (int p = 0; p < stream.length; p++) {
				assertThat(copied[5 + p]).as("w %d stream position %d", w, p).isEqualTo((int) stream[p]);
				assertThat(epochStream.get(p)).as("w %d stream position %d", w, p).isEqualTo(stream[p]);
			}
		}
	}

	@Test
	void positionsOfFindsEveryOccurrenceIncludingPadding() {
		RankLists lists = Runs.source(Runs.record(10, 4, 3, false)).epoch(0);
		for (int r = 0; r < 4; r++) {
			long[] list = Runs.list(Runs.record(10, 4, 3, false), 0, 4, r);
			for (long index = 0; index < 10; index++) {
				long target = index;
				long[] expected = java.util.stream.IntStream.range(0, list.length)
					.filter((k) -> list[k] == target)
					.asLongStream()
					.toArray();
				assertThat(lists.positionsOf(4, r, index)).as("rank %d index %d", r, index).containsExactly(expected);
			}
		}
	}

	@Test
	void segmentsMustStartAtOrAfterThePreviousOne() {
		Timeline timeline = Runs.start(this.record).append(2, 1, 500, Resume.TORCH, 8, null);
		assertThat(timeline.append(3, 1, 500, Resume.EXACT, null, null).segments()).hasSize(3);
		assertThatExceptionOfType(SegmentOutOfOrderException.class)
			.isThrownBy(() -> timeline.append(3, 1, 499, Resume.EXACT, null, null));
		assertThatExceptionOfType(SegmentOutOfOrderException.class)
			.isThrownBy(() -> timeline.append(3, 0, 900, Resume.EXACT, null, null));
		assertThat(timeline.segment(1)).isEqualTo(new Segment(1, 2, 1, 500, Resume.TORCH, 8, 1));
	}

	@Test
	void badValuesNameTheirParameter() {
		Timeline timeline = Runs.start(this.record);
		assertParameter("worldSize", () -> timeline.append(0, 1, 0, Resume.TORCH, null, null));
		assertParameter("startSample", () -> timeline.append(2, 1, -1, Resume.TORCH, null, null));
		assertParameter("startEpoch", () -> timeline.append(2, -1, 0, Resume.TORCH, null, null));
		assertParameter("batchSize", () -> timeline.append(2, 1, 0, Resume.TORCH, 0, null));
		assertParameter("gradientAccumulation", () -> timeline.append(2, 1, 0, Resume.TORCH, 4, 0));
		assertParameter("resume", () -> timeline.append(2, 1, 0, null, 4, 1));
		// 1003 samples on 4 ranks: 251 each, a stream of 1004 positions
		assertThat(timeline.append(2, 1, 1004, Resume.TORCH, null, null).segments()).hasSize(2);
		assertParameter("startSample", () -> timeline.append(2, 1, 1005, Resume.TORCH, null, null));
		assertParameter("segment", () -> timeline.segment(1));
		assertParameter("epoch", () -> SegmentOrder.of(timeline.append(2, 2, 6, Resume.TORCH, null, null), 1, 1, 0));
		assertParameter("rank", () -> SegmentOrder.of(timeline, 0, 0, 4));
	}

	@Test
	void aStoredHistoryIsCheckedAsItIsReplayed() {
		Timeline timeline = Runs.start(this.record).append(2, 1, 500, Resume.TORCH, 8, 2);
		assertThat(Timeline.of(Runs.source(this.record), timeline.segments()).segments())
			.isEqualTo(timeline.segments());
		List<Segment> swapped = List.of(timeline.segment(0), new Segment(2, 2, 1, 500, Resume.TORCH, null, 1));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Timeline.of(Runs.source(this.record), swapped));
	}

	@Test
	void torchResumeReadsItsOwnListAtTheNewWorldSizeFromTheSkippedShare() {
		Timeline timeline = Runs.start(this.record).append(3, 2, 611, Resume.TORCH, null, null);
		for (int r = 0; r < 3; r++) {
			long[] list = Runs.list(this.record, 2, 3, r);
			long[] expected = Arrays.copyOfRange(list, 611 / 3, list.length);
			assertThat(Runs.order(SegmentOrder.of(timeline, 1, 2, r))).as("rank %d", r).containsExactly(expected);
			assertThat(Runs.order(SegmentOrder.of(timeline, 1, 3, r))).as("rank %d, next epoch", r)
				.containsExactly(Runs.list(this.record, 3, 3, r));
		}
	}

	@Test
	void exactResumeReadsTheOldStreamAndWrapsTheLastRoundToItsStart() {
		Timeline timeline = Runs.start(this.record).append(3, 2, 611, Resume.EXACT, null, null);
		long[] stream = Runs.stream(this.record, 2, 4);
		int remaining = stream.length - 611;
		for (int r = 0; r < 3; r++) {
			long[] expected = new long[(remaining + 2) / 3];
			for (int i = 0; i < expected.length; i++) {
				expected[i] = stream[(611 + r + 3 * i) % stream.length];
			}
			assertThat(Runs.order(SegmentOrder.of(timeline, 1, 2, r))).as("rank %d", r).containsExactly(expected);
			assertThat(Runs.order(SegmentOrder.of(timeline, 1, 3, r))).as("rank %d, next epoch", r)
				.containsExactly(Runs.list(this.record, 3, 3, r));
		}
	}

	@Test
	void theEpochsStreamIsLaidOutForTheWorldSizeTheEpochStartedWith() {
		Timeline timeline = Runs.start(this.record)
			.append(2, 1, 0, Resume.TORCH, null, null)
			.append(3, 1, 300, Resume.EXACT, null, null)
			.append(5, 1, 700, Resume.EXACT, null, null);
		assertThat(timeline.epochWorldSize(0)).isEqualTo(4);
		assertThat(timeline.epochWorldSize(1)).isEqualTo(2);
		assertThat(timeline.epochWorldSize(2)).isEqualTo(5);
		long[] stream = Runs.stream(this.record, 1, 2);
		assertThat(SegmentOrder.of(timeline, 3, 1, 4).get(0)).isEqualTo(stream[704]);
		assertThat(timeline.readBeforeNextSegment(1, 1, 0)).isEqualTo(150);
		assertThat(timeline.readBeforeNextSegment(2, 1, 0)).isEqualTo(134);
		assertThat(timeline.readBeforeNextSegment(2, 1, 1)).isEqualTo(133);
		assertThat(timeline.readBeforeNextSegment(3, 1, 0)).isEqualTo(61);
		assertThat(timeline.readBeforeNextSegment(0, 1, 0)).isZero();
	}

	@Test
	void digestAndBulkWriterAgreeWithGet() throws Exception {
		Timeline timeline = Runs.start(this.record).append(3, 2, 611, Resume.EXACT, null, null);
		SegmentOrder order = SegmentOrder.of(timeline, 1, 2, 1);
		java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) (8 * order.length()));
		order.write(0, order.length(), bytes);
		java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
		assertThat(order.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(digest.digest(bytes.array())));
		bytes.flip().order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < order.length(); k++) {
			assertThat(bytes.getLong()).as("position %d", k).isEqualTo(order.get(k));
		}
	}

	private static void assertParameter(String parameter, Runnable call) {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

}
