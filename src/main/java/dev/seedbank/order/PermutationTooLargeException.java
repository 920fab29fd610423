package dev.seedbank.order;

/**
 * A permutation, or another kind's order, is larger than the whole permutation budget
 * (which cached orders share), so no retry can succeed (413), unlike one that merely
 * waits for room ({@link PermutationBudgetBusyException}).
 */
public class PermutationTooLargeException extends RuntimeException {

	PermutationTooLargeException(long n, long bytes, long budgetBytes) {
		this("A permutation of " + n + " samples", bytes, budgetBytes);
	}

	/**
	 * @param what the permutation or order, e.g. "A random order of 5 samples"
	 */
	PermutationTooLargeException(String what, long bytes, long budgetBytes) {
		super(what + " needs " + PermutationCache.mib(bytes) + " MiB of memory, but the permutation budget is "
				+ PermutationCache.mib(budgetBytes)
				+ " MiB; raise it with seedbank.order.cache-max-bytes (SEEDBANK_ORDER_CACHEMAXBYTES) and the heap",
				null, false, false);
	}

}
