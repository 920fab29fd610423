package dev.seedbank.order;

import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.TorchVersion;

/**
 * One rank's order for one epoch, with the digest of the whole list.
 *
 * @param order the indices
 * @param sha256 the order digest of the whole list
 * @param torchVersion the release whose behaviour produced it
 */
public record RankSlice(RankOrder order, String sha256, TorchVersion torchVersion) {
}
