package dev.seedbank.sampling.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Judges certificates against the orders a timeline expects (API.md, "Run timeline"): a
 * certificate matches when its digest and count equal those of its segment's
 * {@link SegmentOrder} for that epoch and rank, the whole order a rank that reached the
 * epoch's end read. Expected digests are computed once per (segment, epoch, rank).
 * <p>
 * Per epoch, from 0 to the latest certified one, the ranks expected to certify are those
 * of the segment that finished it (the last that reads it); {@code certified} lists every
 * (segment, rank) with a certificate, {@code matched} and {@code mismatched} judge each
 * by its latest certificate, {@code missing} the finishing segment's ranks without one.
 */
public final class Certificates {

	private final Timeline timeline;

	private final Map<List<Long>, SegmentOrder> expected = new HashMap<>();

	private final Map<List<Long>, String> digests = new HashMap<>();

	/**
	 * @param timeline the run's history
	 */
	public Certificates(Timeline timeline) {
		this.timeline = timeline;
	}

	/**
	 * Checks a posted certificate; {@code segment} defaults to the latest.
	 * @param epoch the epoch
	 * @param rank the rank
	 * @param segment the segment, or {@code null}
	 * @param sha256 the digest
	 * @param count the count
	 * @return the certificate, ready to store
	 * @throws dev.seedbank.sampling.InvalidSamplerArgumentException for a bad value, a
	 * segment that does not read the epoch or a rank outside its world size
	 */
	public Certificate certificate(long epoch, int rank, Integer segment, String sha256, long count) {
		int k = (segment != null) ? segment : this.timeline.last().index();
		Certificate certificate = new Certificate(epoch, rank, k, sha256, count);
		order(certificate);
		return certificate;
	}

	/**
	 * @param certificate a certificate
	 * @return its verdict
	 */
	public Verdict judge(Certificate certificate) {
		SegmentOrder order = order(certificate);
		String digest = this.digests.computeIfAbsent(key(certificate), (key) -> order.sha256());
		boolean match = digest.equals(certificate.sha256()) && order.length() == certificate.count();
		return new Verdict(certificate, match, digest, order.length());
	}

	/**
	 * @param certificates stored certificates, oldest first
	 * @return per epoch, from 0 to the latest certified one, who certified and who is
	 * missing
	 */
	public List<EpochSummary> summarize(List<Certificate> certificates) {
		Map<Long, Map<RankRef, Boolean>> latest = new HashMap<>();
		long lastEpoch = -1;
		for (Certificate c : certificates) {
			latest.computeIfAbsent(c.epoch(), (e) -> new LinkedHashMap<>())
				.put(new RankRef(c.segment(), c.rank()), judge(c).match());
			lastEpoch = Math.max(lastEpoch, c.epoch());
		}
		List<EpochSummary> summaries = new ArrayList<>();
		for (long e = 0; e <= lastEpoch; e++) {
			Map<RankRef, Boolean> byRank = latest.getOrDefault(e, Map.of());
			TreeSet<RankRef> certified = new TreeSet<>(byRank.keySet());
			List<RankRef> matched = new ArrayList<>();
			List<RankRef> mismatched = new ArrayList<>();
			for (RankRef ref : certified) {
				(byRank.get(ref) ? matched : mismatched).add(ref);
			}
			int finishing = finishingSegment(e);
			List<RankRef> missing = new ArrayList<>();
			for (int r = 0; r < this.timeline.segment(finishing).worldSize(); r++) {
				if (!byRank.containsKey(new RankRef(finishing, r))) {
					missing.add(new RankRef(finishing, r));
				}
			}
			summaries.add(new EpochSummary(e, finishing, List.copyOf(certified), matched, mismatched, missing));
		}
		return summaries;
	}

	private int finishingSegment(long epoch) {
		List<SegmentShare> shares = this.timeline.shares(epoch);
		if (!shares.isEmpty()) {
			return shares.get(shares.size() - 1).segment().index();
		}
		int last = 0;
		for (Segment s : this.timeline.segments()) {
			if (s.startEpoch() <= epoch) {
				last = s.index();
			}
		}
		return last;
	}

	private SegmentOrder order(Certificate c) {
		return this.expected.computeIfAbsent(key(c),
				(key) -> SegmentOrder.of(this.timeline, c.segment(), c.epoch(), c.rank()));
	}

	private static List<Long> key(Certificate c) {
		return List.of((long) c.segment(), c.epoch(), (long) c.rank());
	}

	/**
	 * @param certificate the certificate
	 * @param match whether digest and count equal the expected ones
	 * @param expectedSha256 the expected order's digest
	 * @param expectedCount the expected order's length
	 */
	public record Verdict(Certificate certificate, boolean match, String expectedSha256, long expectedCount) {
	}

	/**
	 * @param segment the segment
	 * @param rank the rank in it
	 */
	public record RankRef(int segment, int rank) implements Comparable<RankRef> {

		@Override
		public int compareTo(RankRef other) {
			return (this.segment != other.segment) ? Integer.compare(this.segment, other.segment)
					: Integer.compare(this.rank, other.rank);
		}

	}

	/**
	 * @param epoch the epoch
	 * @param finishingSegment the segment whose ranks reach the epoch's end
	 * @param certified every (segment, rank) with a certificate for the epoch
	 * @param matched those whose latest certificate matches
	 * @param mismatched those whose latest certificate does not
	 * @param missing the finishing segment's ranks without a certificate
	 */
	public record EpochSummary(long epoch, int finishingSegment, List<RankRef> certified, List<RankRef> matched,
			List<RankRef> mismatched, List<RankRef> missing) {
	}

}
