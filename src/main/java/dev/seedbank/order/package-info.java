/**
 * Index orders: a rank's exact data order for an epoch, resolved from an experiment's
 * snapshot and the engine ({@code IndexOrderService}), permutations computed once and
 * shared ({@code PermutationCache}), its formats JSON, raw int64 and {@code .npy}
 * ({@code IndexFormat}, {@code IndexWriter}; {@code web.IndexResponder} serves them
 * paged), and verification of what a run really saw ({@code VerifyController}).
 */
package dev.seedbank.order;
