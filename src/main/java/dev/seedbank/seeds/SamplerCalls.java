package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;

/**
 * A rank's seeds for a record whose sampler is not a {@code DistributedSampler}: the same
 * process seed, and the calls that build that kind's sampler with the record's sampler
 * seed (API.md "More samplers" names the library call each kind's order equals).
 * {@link SeedManifests} builds the distributed calls; this replaces its sampler, loader
 * and epoch calls.
 */
public final class SamplerCalls {

	private SamplerCalls() {
	}

	/**
	 * @param seeds the rank's seeds from {@link SeedManifests#forRank} or
	 * {@link SeedManifests#forRanks}
	 * @param spec the record's sampler
	 * @param samplerSeed the record's effective data seed, that sampler's seed
	 * ({@link SamplerSeedDefaults} may differ from the distributed rule)
	 * @return the seeds with that kind's calls, sampler epoch seed, loader seed and
	 * {@code SEEDBANK_SAMPLER_KIND}; unchanged for {@code distributed}
	 */
	public static RankSeeds of(RankSeeds seeds, SamplerSpec spec, BigInteger samplerSeed) {
		if (spec instanceof DistributedSpec) {
			return seeds;
		}
		BigInteger seed = samplerSeed;
		int rank = seeds.rank();
		BigInteger loaderSeed = seeds.loaderSeed();
		String epochSeed;
		List<String> calls = new ArrayList<>();
		calls.add(seeds.calls().get(0));
		if (spec instanceof RandomSpec random) {
			epochSeed = seed + " once, then each iter() continues the generator (epoch e is the (e+1)-th iter())";
			String generator = "torch.Generator().manual_seed(" + seed + ")";
			if (random.dataLoader()) {
				// One generator: the loader draws its base seed from it before the
				// sampler
				// draws, so the loader seed is the sampler seed.
				loaderSeed = seed;
				calls.add("g = " + generator);
				calls.add("sampler = RandomSampler(dataset, replacement=" + python(random.replacement())
						+ numSamples(random) + ", generator=g)");
				calls.add("DataLoader(dataset, sampler=sampler, generator=g)");
			}
			else {
				calls.add("sampler = RandomSampler(dataset, replacement=" + python(random.replacement())
						+ numSamples(random) + ", generator=" + generator + ")");
				calls.add("DataLoader(dataset, sampler=sampler, generator=torch.Generator().manual_seed(" + loaderSeed
						+ "))");
			}
			calls.add("for epoch in range(epochs): iterate the loader once (do not build a new one)");
		}
		else if (spec instanceof AccelerateSpec a) {
			epochSeed = seed + " + epoch";
			calls.add("loader = prepare_data_loader(DataLoader(dataset, batch_size=" + a.batchSize() + ", shuffle="
					+ python(a.shuffle()) + ", drop_last=" + python(a.dropLast()) + "), num_processes="
					+ a.numProcesses() + ", process_index=" + rank + ", split_batches=" + python(a.splitBatches())
					+ ", even_batches=" + python(a.evenBatches()) + ", use_seedable_sampler=True, data_seed=" + seed
					+ ")");
			calls.add("loader.set_epoch(epoch)");
		}
		else if (spec instanceof HfDatasetsSpec h) {
			epochSeed = seed + " (shuffled once: every epoch reads the same order)";
			calls.add("dataset = dataset.shuffle(seed=" + seed + ").shard(num_shards=" + h.numShards() + ", index="
					+ rank + ", contiguous=" + python(h.contiguous()) + ")");
			calls.add("DataLoader(dataset, generator=torch.Generator().manual_seed(" + loaderSeed + "))");
		}
		else {
			StreamingSpec s = (StreamingSpec) spec;
			epochSeed = seed + " with the epoch (Streaming counts epochs itself)";
			calls.add("dataset = StreamingDataset(..." + streamingArguments(s, seed) + ")");
			calls.add("DataLoader(dataset, batch_size=" + ((s.batchSize() != null) ? s.batchSize() : 1)
					+ ", num_workers=" + ((s.workersPerRank() != null) ? s.workersPerRank() : 0)
					+ ", generator=torch.Generator().manual_seed(" + loaderSeed + "))");
		}
		Map<String, String> env = new LinkedHashMap<>(seeds.env());
		env.put("SEEDBANK_DATA_SEED", seed.toString());
		env.put("SEEDBANK_LOADER_SEED", loaderSeed.toString());
		env.put("SEEDBANK_SAMPLER_KIND", spec.kind());
		return new RankSeeds(rank, seeds.processSeed(), seed, epochSeed, loaderSeed, List.copyOf(calls),
				Collections.unmodifiableMap(env));
	}

	private static String numSamples(RandomSpec random) {
		return (random.numSamples() != null) ? ", num_samples=" + random.numSamples() : "";
	}

	private static String streamingArguments(StreamingSpec s, BigInteger seed) {
		StringBuilder args = new StringBuilder();
		argument(args, "shuffle", (s.shuffle() != null) ? python(s.shuffle()) : null);
		argument(args, "shuffle_algo", (s.shuffleAlgo() != null) ? "'" + s.shuffleAlgo() + "'" : null);
		argument(args, "shuffle_seed", seed);
		argument(args, "num_canonical_nodes", s.numCanonicalNodes());
		argument(args, "shuffle_block_size", s.blockSize());
		argument(args, "partition_algo", (s.partitionAlgo() != null) ? "'" + s.partitionAlgo() + "'" : null);
		argument(args, "batch_size", s.batchSize());
		return args.toString();
	}

	private static void argument(StringBuilder args, String name, Object value) {
		if (value != null) {
			args.append(", ").append(name).append('=').append(value);
		}
	}

	private static String python(boolean value) {
		return value ? "True" : "False";
	}

}
