package dev.seedbank.sampling.timeline;

import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * How often each sample of one epoch was read, over every segment that reads it, each
 * running until the next segment starts (API.md, "Run timeline"). One byte per sample,
 * saturating at 255, so {@link #maxSeen()} says 255 for "255 or more".
 * <p>
 * {@link #paddingRepeats()} counts the reads of padding: stream positions at or past the
 * end of the unpadded list (for {@code distributed}, padded positions at or past
 * {@code datasetSize}, which repeat position {@code p - datasetSize}), plus every read of
 * the {@code exact} rule's last round that wrapped to the stream's start. An
 * uninterrupted run's repeats are all padding; whatever {@code seenMoreThanOnce} holds
 * beyond it, the resumes caused.
 */
public final class Coverage {

	/** Indices per chunk: 256 KiB of scratch, whatever the dataset's size. */
	private static final int CHUNK = 65536;

	/**
	 * The longest Java array (the JDK's {@code SOFT_MAX_ARRAY_LENGTH}): one counter a
	 * sample.
	 */
	static final long MAX_DATASET_SIZE = Integer.MAX_VALUE - 8;

	private static final int SATURATED = 255;

	private final byte[] counts;

	private final long paddingRepeats;

	private final long reads;

	private long neverSeen;

	private long seenOnce;

	private long seenMoreThanOnce;

	private int maxSeen;

	private Coverage(byte[] counts, long paddingRepeats, long reads) {
		this.counts = counts;
		this.paddingRepeats = paddingRepeats;
		this.reads = reads;
		for (byte b : counts) {
			int c = b & 0xFF;
			if (c == 0) {
				this.neverSeen++;
			}
			else if (c == 1) {
				this.seenOnce++;
			}
			else {
				this.seenMoreThanOnce++;
			}
			this.maxSeen = Math.max(this.maxSeen, c);
		}
	}

	/**
	 * @param timeline the run's history
	 * @param epoch the epoch
	 * @return its coverage
	 */
	public static Coverage of(Timeline timeline, long epoch) {
		java.util.List<SegmentShare> shares = timeline.shares(epoch);
		long n = timeline.source().epoch(epoch).datasetSize();
		if (n > MAX_DATASET_SIZE) {
			throw new InvalidSamplerArgumentException("datasetSize",
					"the coverage of an epoch counts at most " + MAX_DATASET_SIZE
							+ " samples (one counter a sample, in one array); the segments and ranks of larger "
							+ "datasets are served up to 2^40");
		}
		byte[] counts = new byte[(int) n];
		int[] chunk = new int[CHUNK];
		long padding = 0;
		long reads = 0;
		for (SegmentShare share : shares) {
			long total = share.reads();
			for (long from = 0; from < total; from += CHUNK) {
				int count = (int) Math.min(CHUNK, total - from);
				share.copyReads(from, count, chunk);
				for (int i = 0; i < count; i++) {
					int index = chunk[i];
					int c = counts[index] & 0xFF;
					if (c != SATURATED) {
						counts[index] = (byte) (c + 1);
					}
				}
			}
			padding += share.paddingReads();
			reads += total;
		}
		return new Coverage(counts, padding, reads);
	}

	/**
	 * @return the totals as one value
	 */
	public Summary summary() {
		return new Summary(datasetSize(), this.neverSeen, this.seenOnce, this.seenMoreThanOnce, this.maxSeen,
				this.paddingRepeats);
	}

	public long datasetSize() {
		return this.counts.length;
	}

	public long neverSeen() {
		return this.neverSeen;
	}

	public long seenOnce() {
		return this.seenOnce;
	}

	public long seenMoreThanOnce() {
		return this.seenMoreThanOnce;
	}

	/**
	 * @return the most reads of one sample, 255 meaning 255 or more
	 */
	public int maxSeen() {
		return this.maxSeen;
	}

	public long paddingRepeats() {
		return this.paddingRepeats;
	}

	/**
	 * @return every read of the epoch, repeats included
	 */
	public long reads() {
		return this.reads;
	}

	/**
	 * @param index a dataset index
	 * @return how often it was read, 255 meaning 255 or more
	 */
	public int count(long index) {
		return this.counts[Math.toIntExact(index)] & 0xFF;
	}

	/**
	 * @return the samples never read, ascending, streamed from the counts
	 */
	public PrimitiveIterator.OfLong never() {
		return new Matching(false);
	}

	/**
	 * @return the samples read more than once, ascending, streamed from the counts
	 */
	public PrimitiveIterator.OfLong repeated() {
		return new Matching(true);
	}

	/**
	 * The totals of {@code GET /experiments/{id}/epochs/{e}/coverage}.
	 *
	 * @param datasetSize the samples in the dataset
	 * @param neverSeen samples no segment read
	 * @param seenOnce samples read exactly once
	 * @param seenMoreThanOnce samples read twice or more
	 * @param maxSeen the most reads of one sample (255 for 255 or more)
	 * @param paddingRepeats reads of padding
	 */
	public record Summary(long datasetSize, long neverSeen, long seenOnce, long seenMoreThanOnce, int maxSeen,
			long paddingRepeats) {
	}

	private final class Matching implements PrimitiveIterator.OfLong {

		private final boolean repeated;

		private int next;

		Matching(boolean repeated) {
			this.repeated = repeated;
			this.next = advance(0);
		}

		private int advance(int from) {
			byte[] c = Coverage.this.counts;
			int i = from;
			while (i < c.length && (this.repeated ? (c[i] & 0xFF) < 2 : c[i] != 0)) {
				i++;
			}
			return i;
		}

		@Override
		public boolean hasNext() {
			return this.next < Coverage.this.counts.length;
		}

		@Override
		public long nextLong() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			int found = this.next;
			this.next = advance(found + 1);
			return found;
		}

	}

}
