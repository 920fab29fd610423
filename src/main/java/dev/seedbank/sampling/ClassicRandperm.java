package dev.seedbank.sampling;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * torch's CPU randperm for every n before 2.6.0, and for n below
 * {@link RandpermVariant#INSIDE_OUT_THRESHOLD} since
 * (aten/src/ATen/native/TensorFactories.cpp, {@code randperm_cpu}): {@code r[i] = i}; for
 * i in 0 .. n-2, {@code z = random() % (n - i)} and swap {@code r[i]} with
 * {@code r[i + z]}.
 * <p>
 * The draws never depend on the swaps, only on i. So for large n one thread makes the
 * draws and reduces them to swap targets, block by block, while another initialises the
 * array and then performs the swaps, which are bound by memory latency; with the targets
 * of a block known in advance the CPU overlaps their cache misses. The sequence of draws
 * and swaps, and so the result, is exactly torch's.
 */
final class ClassicRandperm {

	/** Swap targets per block handed from the drawing thread to the swapping one. */
	private static final int BLOCK = 65536;

	/** Blocks drawn ahead of the swaps. */
	private static final int DEPTH = 8;

	/** Below this n a second thread costs more than it saves. */
	static final int PIPELINE_THRESHOLD = 1 << 20;

	private ClassicRandperm() {
	}

	static int[] permute(int n, MersenneTwister generator) {
		return (n < PIPELINE_THRESHOLD) ? sequential(n, generator) : pipelined(n, generator);
	}

	static int[] sequential(int n, MersenneTwister generator) {
		int[] r = identity(n);
		int[] targets = new int[BLOCK];
		for (int start = 0; start < n - 1; start += BLOCK) {
			int count = draw(n, start, generator, targets);
			swap(r, start, count, targets);
		}
		return r;
	}

	static int[] pipelined(int n, MersenneTwister generator) {
		BlockingQueue<int[]> drawn = new ArrayBlockingQueue<>(DEPTH);
		BlockingQueue<int[]> empty = new ArrayBlockingQueue<>(DEPTH + 2);
		for (int i = 0; i < DEPTH + 2; i++) {
			empty.add(new int[BLOCK]);
		}
		Thread drawer = new Thread(() -> {
			try {
				for (int start = 0; start < n - 1; start += BLOCK) {
					int[] targets = empty.take();
					draw(n, start, generator, targets);
					drawn.put(targets);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "seedbank-randperm-draws");
		drawer.setDaemon(true);
		drawer.start();
		try {
			int[] r = identity(n);
			for (int start = 0; start < n - 1; start += BLOCK) {
				int[] targets = drawn.take();
				swap(r, start, Math.min(BLOCK, n - 1 - start), targets);
				empty.put(targets);
			}
			drawer.join();
			return r;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing a permutation", ex);
		}
		finally {
			drawer.interrupt();
		}
	}

	/**
	 * The first {@code count} elements of {@code permute(n)}, for {@code count < n}:
	 * Fisher-Yates from the front fixes position i at step i, so only {@code count} swaps
	 * are made; the draws of the remaining steps are skipped, leaving the generator where
	 * the whole randperm leaves it.
	 */
	static void prefix(int n, int count, MersenneTwister generator, int[] target, int offset) {
		int[] r = identity(n);
		int steps = Math.min(count, n - 1);
		for (int i = 0; i < steps; i++) {
			int j = i + (int) (Integer.toUnsignedLong(generator.nextInt()) % (n - i));
			int swapped = r[i];
			r[i] = r[j];
			r[j] = swapped;
		}
		generator.skip((long) (n - 1) - steps);
		System.arraycopy(r, 0, target, offset, count);
	}

	/**
	 * The same loop over storage longer than one array, with the draw widened as torch
	 * widens it: {@code random()} is a uint32_t and {@code n - i} an int64_t, so for
	 * {@code n - i > 2^32} the target is {@code i + random()}. Sequential: every release
	 * from 2.6.0 uses the inside-out loop at these sizes, so this one serves older
	 * releases only.
	 */
	static void permute(Permutation r, MersenneTwister generator) {
		long n = r.length();
		for (long i = 0; i < n; i++) {
			r.set(i, i);
		}
		for (long i = 0; i < n - 1; i++) {
			long j = i + Integer.toUnsignedLong(generator.nextInt()) % (n - i);
			long swapped = r.get(i);
			r.set(i, r.get(j));
			r.set(j, swapped);
		}
	}

	private static int[] identity(int n) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i;
		}
		return r;
	}

	/**
	 * Draws the swap targets {@code i + random() % (n - i)} for one block; returns its
	 * size.
	 */
	private static int draw(int n, int start, MersenneTwister generator, int[] targets) {
		int count = Math.min(BLOCK, n - 1 - start);
		for (int k = 0; k < count; k++) {
			int i = start + k;
			targets[k] = i + (int) (Integer.toUnsignedLong(generator.nextInt()) % (n - i));
		}
		return count;
	}

	private static void swap(int[] r, int start, int count, int[] targets) {
		for (int k = 0; k < count; k++) {
			int i = start + k;
			int j = targets[k];
			int swapped = r[i];
			r[i] = r[j];
			r[j] = swapped;
		}
	}

}
