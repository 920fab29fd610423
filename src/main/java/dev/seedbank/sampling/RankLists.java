package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every rank's list of one epoch of {@code DistributedSampler}, copied rank-major out of
 * the permutation: rank r's list is the contiguous run {@code [r * L, (r + 1) * L)}, so
 * serving or digesting it streams memory instead of taking a cache miss per index.
 * <p>
 * A rank's list read straight from the permutation ({@link RankOrder}) is the strided
 * walk {@code perm[(r + k * W) % n]}: for a world of W &ge; 16 every index lies in a
 * cache line of its own, and a job start of W ranks takes n misses. The copy here is one
 * cache-blocked pass instead: 16 rows of the padded list ({@code 16 * W} consecutive
 * indices) are read once and scattered as 64-byte runs into the W lists. It costs as much
 * memory as the permutation, so it is only made once several ranks of one world ask, and
 * only when the permutation budget has room for it.
 */
public final class RankLists {

	/**
	 * Below this world the strided walk shares cache lines between neighbouring indices.
	 */
	public static final int MIN_WORLD_SIZE = 32;

	/** Rows of the padded list copied per block: one 64-byte line of each list. */
	private static final int ROWS_PER_BLOCK = 16;

	/** Indices per chunk when digesting: 64 KiB of int64. */
	private static final int CHUNK = 8192;

	/** Object header and length field of an int[]. */
	private static final long ARRAY_OVERHEAD = 16;

	/** A digest slot: the reference and a 64-character hex String. */
	private static final long DIGEST_BYTES = 8 + 48 + 64;

	private final int[] lists;

	private final int worldSize;

	private final int length;

	private final AtomicReferenceArray<String> digests;

	private RankLists(int[] lists, int worldSize, int length) {
		this.lists = lists;
		this.worldSize = worldSize;
		this.length = length;
		this.digests = new AtomicReferenceArray<>(worldSize);
	}

	/**
	 * @param plan a shuffled plan
	 * @return whether its lists can be copied: a world of at least
	 * {@link #MIN_WORLD_SIZE} whose padded list fits one array
	 */
	public static boolean applies(SamplerPlan plan) {
		return plan.permutationKey().isPresent() && plan.parameters().worldSize() >= MIN_WORLD_SIZE
				&& plan.totalSize() <= PermutationLayout.MAX_ARRAY_LENGTH;
	}

	/**
	 * @param plan a plan {@link #applies(SamplerPlan)} accepts
	 * @return the heap the copy takes, before making it
	 */
	public static long bytesFor(SamplerPlan plan) {
		return ARRAY_OVERHEAD + plan.totalSize() * Integer.BYTES + plan.parameters().worldSize() * DIGEST_BYTES;
	}

	/**
	 * @param plan a plan {@link #applies(SamplerPlan)} accepts
	 * @param permutation its permutation, held in one array
	 * @return every rank's list
	 */
	public static RankLists of(SamplerPlan plan, Permutation permutation) {
		if (!applies(plan) || !(permutation instanceof IntPermutation ints)
				|| permutation.length() != plan.parameters().datasetSize()) {
			throw new IllegalArgumentException("the plan's lists cannot be copied from this permutation");
		}
		int w = plan.parameters().worldSize();
		int length = (int) plan.numSamples();
		return new RankLists(transpose(ints.values, w, length), w, length);
	}

	/**
	 * {@code lists[r * length + k] = perm[(r + k * w) % n]}: element k of rank r's list,
	 * the padded list wrapping around the permutation as torch's padding repeats it.
	 */
	private static int[] transpose(int[] perm, int w, int length) {
		long n = perm.length;
		int[] lists = new int[Math.multiplyExact(w, length)];
		for (int k0 = 0; k0 < length; k0 += ROWS_PER_BLOCK) {
			int k1 = Math.min(length, k0 + ROWS_PER_BLOCK);
			boolean wraps = (long) k1 * w > n;
			for (int r = 0; r < w; r++) {
				int base = r * length;
				long p = r + (long) k0 * w;
				for (int k = k0; k < k1; k++, p += w) {
					lists[base + k] = perm[(int) (wraps ? p % n : p)];
				}
			}
		}
		return lists;
	}

	/**
	 * @return W
	 */
	public int worldSize() {
		return this.worldSize;
	}

	/**
	 * @param rank a rank in [0, W)
	 * @return its list, read from the copy
	 */
	public IndexOrder rank(int rank) {
		return new Run(rankOffset(rank), rank);
	}

	/**
	 * @param rank a rank in [0, W)
	 * @return its order digest, computed on first use from the contiguous run
	 */
	public String sha256(int rank) {
		int offset = rankOffset(rank);
		String known = this.digests.get(rank);
		if (known != null) {
			return known;
		}
		MessageDigest digest = OrderDigest.newSha256();
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (int from = 0; from < this.length; from += CHUNK) {
			buffer.clear();
			copy(offset + from, offset + Math.min(this.length, from + CHUNK), buffer);
			digest.update(buffer.array(), 0, buffer.position());
		}
		String hex = OrderDigest.hex(digest);
		this.digests.compareAndSet(rank, null, hex);
		return hex;
	}

	private int rankOffset(int rank) {
		if (rank < 0 || rank >= this.worldSize) {
			throw new IndexOutOfBoundsException("rank " + rank + " of " + this.worldSize);
		}
		return rank * this.length;
	}

	private void copy(int from, int to, ByteBuffer target) {
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		int[] values = this.lists;
		for (int i = from; i < to; i++) {
			out.putLong(values[i]);
		}
	}

	/** One rank's list; holds the copy reachable while a response streams it. */
	private final class Run implements IndexOrder {

		private final int offset;

		private final int rank;

		Run(int offset, int rank) {
			this.offset = offset;
			this.rank = rank;
		}

		@Override
		public long length() {
			return RankLists.this.length;
		}

		@Override
		public long get(long k) {
			if (k < 0 || k >= RankLists.this.length) {
				throw new IndexOutOfBoundsException("position " + k + " of " + RankLists.this.length);
			}
			return RankLists.this.lists[this.offset + (int) k];
		}

		@Override
		public void write(long from, long to, ByteBuffer target) {
			if (from < 0 || to > RankLists.this.length || from > to) {
				throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + RankLists.this.length);
			}
			copy(this.offset + (int) from, this.offset + (int) to, target);
		}

		@Override
		public String sha256() {
			return RankLists.this.sha256(this.rank);
		}

	}

}
