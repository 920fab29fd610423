package dev.seedbank.sampling.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * A run's history (API.md, "Run timeline"): segment 0 is the record, each later segment a
 * restart at or after the previous one. Immutable; {@link #append} returns a new
 * timeline.
 * <p>
 * The stream of epoch {@code e} is laid out for the world size the epoch started with:
 * that of the last segment starting before {@code e}, or at position 0 of {@code e}.
 */
public final class Timeline {

	private final RankListSource source;

	private final List<Segment> segments;

	private Timeline(RankListSource source, List<Segment> segments) {
		this.source = source;
		this.segments = List.copyOf(segments);
	}

	/**
	 * @param source the record's rank lists
	 * @param record segment 0
	 * @return a timeline of the record alone
	 */
	public static Timeline start(RankListSource source, Segment record) {
		if (record.index() != 0 || record.startEpoch() != 0 || record.startSample() != 0) {
			throw new IllegalArgumentException("segment 0 is the record: index 0, epoch 0, position 0");
		}
		source.epoch(0).length(record.worldSize());
		return new Timeline(source, List.of(record));
	}

	/**
	 * Rebuilds a stored history, checking every segment as {@link #append} does.
	 * @param source the record's rank lists
	 * @param segments segment 0 first
	 * @return the timeline
	 */
	public static Timeline of(RankListSource source, List<Segment> segments) {
		Timeline timeline = start(source, segments.get(0));
		for (Segment s : segments.subList(1, segments.size())) {
			if (s.index() != timeline.segments.size()) {
				throw new IllegalArgumentException("segment " + s.index() + " stored out of sequence");
			}
			timeline = timeline.append(s.worldSize(), s.startEpoch(), s.startSample(), s.resume(), s.batchSize(),
					s.gradientAccumulation());
		}
		return timeline;
	}

	/**
	 * @param worldSize the ranks the run restarted on
	 * @param startEpoch the epoch it restarted in
	 * @param startSample the stream position of that epoch it restarted at
	 * @param resume the rule it picks the epoch up by
	 * @param batchSize per-rank batch size, or {@code null}
	 * @param gradientAccumulation batches per optimizer step, {@code null} for 1
	 * @return the timeline with the new segment last
	 * @throws InvalidSamplerArgumentException for a bad value (400)
	 * @throws SegmentOutOfOrderException when it starts before the last segment (409)
	 */
	public Timeline append(int worldSize, long startEpoch, long startSample, Resume resume, Integer batchSize,
			Integer gradientAccumulation) {
		Segment segment = new Segment(this.segments.size(), worldSize, startEpoch, startSample, resume, batchSize,
				(gradientAccumulation != null) ? gradientAccumulation : 1);
		Segment last = last();
		if (segment.startsBefore(last)) {
			throw new SegmentOutOfOrderException("segment " + segment.index() + " starts at epoch " + startEpoch
					+ ", sample " + startSample + ", before segment " + last.index() + " (epoch " + last.startEpoch()
					+ ", sample " + last.startSample() + ")");
		}
		RankLists lists = this.source.epoch(startEpoch);
		lists.length(worldSize);
		long streamLength = streamLength(startEpoch);
		if (startSample > streamLength) {
			throw new InvalidSamplerArgumentException("startSample", "must be in [0, " + streamLength
					+ "], the length of epoch " + startEpoch + "'s stream at world size " + epochWorldSize(startEpoch));
		}
		List<Segment> next = new ArrayList<>(this.segments);
		next.add(segment);
		return new Timeline(this.source, next);
	}

	/**
	 * @return every segment, segment 0 first
	 */
	public List<Segment> segments() {
		return this.segments;
	}

	/**
	 * @return the latest segment
	 */
	public Segment last() {
		return this.segments.get(this.segments.size() - 1);
	}

	/**
	 * @param k a segment number
	 * @return that segment
	 * @throws InvalidSamplerArgumentException when there is none
	 */
	public Segment segment(int k) {
		if (k < 0 || k >= this.segments.size()) {
			throw new InvalidSamplerArgumentException("segment",
					"must be in [0, " + this.segments.size() + "): the run has " + this.segments.size() + " segments");
		}
		return this.segments.get(k);
	}

	/**
	 * @return the record's rank lists
	 */
	public RankListSource source() {
		return this.source;
	}

	/**
	 * @param epoch an epoch
	 * @return the world size the epoch started with
	 */
	public int epochWorldSize(long epoch) {
		return epochWorldSize(epoch, this.segments.size() - 1);
	}

	/**
	 * The world size epoch {@code epoch} started with, looking at segments 0..upTo only.
	 */
	int epochWorldSize(long epoch, int upTo) {
		int w = this.segments.get(0).worldSize();
		for (Segment s : this.segments.subList(0, upTo + 1)) {
			if (s.startEpoch() < epoch || (s.startEpoch() == epoch && s.startSample() == 0)) {
				w = s.worldSize();
			}
		}
		return w;
	}

	/**
	 * @param epoch an epoch
	 * @return how many positions its stream holds
	 */
	public long streamLength(long epoch) {
		int w = epochWorldSize(epoch);
		return this.source.epoch(epoch).length(w) * w;
	}

	/**
	 * @param segment a segment
	 * @param epoch an epoch at or after its start
	 * @param rank one of its ranks
	 * @return how many indices of its {@link SegmentOrder} the rank read before the next
	 * segment started: all of them when there is none or it starts in a later epoch
	 */
	public long readBeforeNextSegment(int segment, long epoch, int rank) {
		SegmentOrder.of(this, segment, epoch, rank);
		return share(segment, epoch, true).reads(rank);
	}

	/**
	 * Segment k's share of epoch e as planned: cut only when the next segment starts in
	 * e.
	 */
	SegmentShare share(int k, long epoch, boolean cutByNext) {
		Segment s = segment(k);
		if (epoch < s.startEpoch()) {
			throw new InvalidSamplerArgumentException("epoch",
					"segment " + k + " starts in epoch " + s.startEpoch() + "; it reads no earlier epoch");
		}
		RankLists lists = this.source.epoch(epoch);
		int w = s.worldSize();
		long ownLength = lists.length(w);
		long counterEnd = Long.MAX_VALUE;
		if (cutByNext && k + 1 < this.segments.size()) {
			Segment next = this.segments.get(k + 1);
			if (next.startEpoch() < epoch) {
				counterEnd = 0;
			}
			else if (next.startEpoch() == epoch) {
				counterEnd = next.startSample();
			}
		}
		if (epoch > s.startEpoch() || s.startSample() == 0) {
			return new SegmentShare(s, lists, lists.stream(w), false, 0, 0, ownLength, counterEnd);
		}
		long start = s.startSample();
		if (s.resume() == Resume.EXACT) {
			EpochStream stream = lists.stream(epochWorldSize(epoch, k));
			long perRank = SegmentShare.ceilDiv(stream.length() - start, w);
			return new SegmentShare(s, lists, stream, true, 0, start, perRank, counterEnd);
		}
		long skipped = Math.min(ownLength, start / w);
		return new SegmentShare(s, lists, lists.stream(w), false, skipped * w, start, ownLength - skipped, counterEnd);
	}

	/**
	 * Every segment's share of epoch e, each cut where the next one starts; none empty.
	 */
	List<SegmentShare> shares(long epoch) {
		List<SegmentShare> shares = new ArrayList<>();
		for (Segment s : this.segments) {
			if (s.startEpoch() <= epoch) {
				SegmentShare share = share(s.index(), epoch, true);
				if (share.reads() > 0) {
					shares.add(share);
				}
			}
		}
		return shares;
	}

}
