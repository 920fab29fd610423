package dev.seedbank.order;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.TorchVersion;

/**
 * One rank's (or process's, or shard's) order for one epoch, whatever the sampler, with
 * the digest of the whole list and the library releases whose behaviour produced it.
 *
 * @param order the indices
 * @param sha256 the order digest of the whole list
 * @param releases response headers naming the releases applied, in order (for example
 * {@code Seedbank-Torch-Version: 2.5.1}); notes about assumed behaviour included
 */
public record RankSlice(IndexOrder order, String sha256, Map<String, String> releases) {

	public RankSlice {
		releases = Map.copyOf(releases);
	}

	/**
	 * A slice whose order follows a torch release's rules.
	 * @param order the indices
	 * @param sha256 the order digest
	 * @param torchVersion the torch release
	 * @return the slice, with {@code Seedbank-Torch-Version} (and a note when the release
	 * is newer than the newest known)
	 */
	public static RankSlice torch(IndexOrder order, String sha256, TorchVersion torchVersion) {
		return new RankSlice(order, sha256, torchHeaders(torchVersion));
	}

	/**
	 * @param torchVersion the torch release applied
	 * @return its headers, to combine with another library's
	 */
	public static Map<String, String> torchHeaders(TorchVersion torchVersion) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Seedbank-Torch-Version", torchVersion.toString());
		if (torchVersion.isNewerThanKnown()) {
			headers.put("Seedbank-Torch-Version-Note",
					"torch " + torchVersion + " is newer than the newest known release " + TorchVersion.newest()
							+ "; its behaviour is assumed");
		}
		return headers;
	}

}
