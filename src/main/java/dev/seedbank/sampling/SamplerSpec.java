package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * A sampler's settings as a run records them: everything its order depends on except the
 * seed, the epoch, the rank and the torch release, which the record (or the request)
 * gives separately. The kinds are those of API.md's {@code sampler.kind}; each maps to
 * its one engine class. Values are checked when built, so a spec that exists is one the
 * engine accepts for some rank. One record a kind, each in its own file.
 */
public sealed interface SamplerSpec permits DistributedSpec, RandomSpec, AccelerateSpec, HfDatasetsSpec, StreamingSpec {

	/**
	 * @return the API name of the kind: {@code distributed}, {@code random},
	 * {@code accelerate}, {@code hf-datasets} or {@code streaming}
	 */
	String kind();

	/**
	 * @return how many ranks (processes, shards) read the data: the valid ranks are
	 * {@code [0, ranks())}
	 */
	long ranks();

	/**
	 * @return the number of samples in the dataset
	 */
	long datasetSize();

	/**
	 * One rank's order for one epoch.
	 * @param seed the sampler's seed (the record's effective data seed)
	 * @param epoch the epoch
	 * @param rank the rank, process index or shard index
	 * @param torchVersion the torch release (ignored by kinds that do not use torch's
	 * generator)
	 * @param permutations where torch randperms come from (a shared cache)
	 * @return the order
	 * @throws InvalidSamplerArgumentException naming what is out of range
	 * @throws LibraryWouldRaiseException where the library release raises
	 */
	IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
			Function<PermutationKey, Permutation> permutations);

}
