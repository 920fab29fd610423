/**
 * Index orders: a rank's exact data order for an epoch, resolved from an experiment's
 * snapshot and the engine ({@code IndexOrderService}), permutations computed once and
 * shared ({@code PermutationCache}), served paged as JSON, raw int64 or {@code .npy}
 * ({@code IndexResponder}, {@code IndexWriter}), and verification of what a run really
 * saw ({@code VerifyController}).
 */
package dev.seedbank.order;
