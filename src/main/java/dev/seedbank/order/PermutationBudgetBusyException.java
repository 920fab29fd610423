package dev.seedbank.order;

/**
 * A permutation fits the budget but no room came free within
 * {@code seedbank.order.budget-wait}: the room is held by computations in flight, so the
 * request is worth retrying (503 with {@code Retry-After}), unlike one larger than the
 * whole budget (413).
 */
public class PermutationBudgetBusyException extends RuntimeException {

	private final long retryAfterSeconds;

	public PermutationBudgetBusyException(long n, long bytes, long budgetBytes, long retryAfterSeconds) {
		this("A permutation of " + n + " samples", bytes, budgetBytes, retryAfterSeconds);
	}

	/**
	 * @param what the permutation or order, e.g. "A random order of 5 samples"
	 */
	PermutationBudgetBusyException(String what, long bytes, long budgetBytes, long retryAfterSeconds) {
		this(what, bytes, retryAfterSeconds, "permutations and orders being computed hold the rest of the "
				+ PermutationCache.mib(budgetBytes) + " MiB budget");
	}

	PermutationBudgetBusyException(String what, long bytes, long retryAfterSeconds, String why) {
		super(what + " needs " + PermutationCache.mib(bytes) + " MiB of memory, but " + why + "; retry after "
				+ retryAfterSeconds + " seconds");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * @return seconds after which a retry is likely to find room
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
