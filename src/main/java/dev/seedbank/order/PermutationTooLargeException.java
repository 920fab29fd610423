package dev.seedbank.order;

/**
 * A permutation is larger than the whole permutation budget, so no retry can succeed
 * (413), unlike one that merely waits for room ({@link PermutationBudgetBusyException}).
 */
public class PermutationTooLargeException extends RuntimeException {

	PermutationTooLargeException(long n, long bytes, long budgetBytes) {
		super("A permutation of " + n + " samples needs " + PermutationCache.mib(bytes)
				+ " MiB of memory, but the permutation budget is " + PermutationCache.mib(budgetBytes)
				+ " MiB; raise it with seedbank.order.cache-max-bytes (SEEDBANK_ORDER_CACHEMAXBYTES) and the heap",
				null, false, false);
	}

}
