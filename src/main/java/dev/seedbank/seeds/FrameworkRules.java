package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.seeds.FrameworkRule.DefaultDataSeed;
import dev.seedbank.seeds.FrameworkRule.ProcessSeeding;

/**
 * Every framework's seeding rule, as data, each row citing the code it comes from.
 */
public final class FrameworkRules {

	/**
	 * Smallest seed torch's {@code manual_seed} accepts (a negative int64 is read as its
	 * two's complement).
	 */
	public static final BigInteger TORCH_SEED_MIN = BigInteger.ONE.shiftLeft(63).negate();

	/** Largest seed torch's {@code manual_seed} accepts (uint64). */
	public static final BigInteger TORCH_SEED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	/**
	 * Largest seed of {@code np.random.seed}, Composer's {@code MAX_SEED} and Lightning's
	 * {@code max_seed_value}: 2^32-1.
	 */
	public static final BigInteger UINT32_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

	/**
	 * First torch release whose DataLoader workers seed NumPy, with
	 * {@code _generate_state(base_seed, worker_id)}: pytorch/pytorch#56488 and #56797
	 * (April 2021), {@code torch/utils/data/_utils/worker.py}, released in 1.9.0.
	 */
	public static final ReleaseVersion NUMPY_WORKER_SEEDING_SINCE = new ReleaseVersion(1, 9, 0);

	private static final Map<Framework, FrameworkRule> RULES = new EnumMap<>(Framework.class);

	static {
		add(new FrameworkRule(Framework.TORCH, ProcessSeeding.SAME_ON_EVERY_RANK, false, DefaultDataSeed.ZERO, null,
				true,
				"pytorch/pytorch torch/utils/data/distributed.py: DistributedSampler(shuffle=True, seed=0) "
						+ "seeds its generator with seed + epoch; the script calls torch.manual_seed(seed) "
						+ "on every rank"));
		add(new FrameworkRule(Framework.COMPOSER, ProcessSeeding.GLOBAL_PLUS_RANK, true, DefaultDataSeed.ZERO,
				new ReleaseVersion(0, 28, 0), false,
				"mosaicml/composer composer/trainer/trainer.py _distribute_and_get_random_seed: "
						+ "seed = rank_zero_seed + dist.get_global_rank(), then reproducibility.seed_all(seed); "
						+ "composer/utils/reproducibility.py: MAX_SEED = 2**32 - 1, seed_all raises outside "
						+ "[0, MAX_SEED]; composer/utils/dist.py get_sampler(shuffle=False, ...) takes seed "
						+ "only since 0.28.0 (mosaicml/composer#3724, merged 2024-11-26; released in 0.28.0 "
						+ "per mosaicml/llm-foundry#1677), before it the sampler seed is always 0"));
		add(new FrameworkRule(Framework.ACCELERATE, ProcessSeeding.GLOBAL_PLUS_RANK_IF_DEVICE_SPECIFIC, true,
				DefaultDataSeed.ZERO, null, true,
				"huggingface/accelerate src/accelerate/utils/random.py set_seed(seed, device_specific=False): "
						+ "seed += AcceleratorState().process_index when device_specific, then "
						+ "np.random.seed(seed), which accepts only [0, 2**32 - 1]; the training code builds "
						+ "torch's DistributedSampler (seed=0 by default)"));
		add(new FrameworkRule(Framework.LIGHTNING, ProcessSeeding.SAME_ON_EVERY_RANK, true, DefaultDataSeed.GLOBAL_SEED,
				null, true,
				"Lightning-AI/pytorch-lightning src/lightning/fabric/utilities/seed.py seed_everything: "
						+ "min_seed_value = 0, max_seed_value = 4294967295, raises ValueError outside since "
						+ "Lightning-AI/pytorch-lightning#21029 (2025), earlier releases warned and replaced "
						+ "the seed; src/lightning/pytorch/trainer/connectors/data_connector.py "
						+ "_get_distributed_sampler: seed = int(os.getenv(\"PL_GLOBAL_SEED\", 0))"));
	}

	private FrameworkRules() {
	}

	private static void add(FrameworkRule rule) {
		RULES.put(rule.framework(), rule);
	}

	/**
	 * @param framework a framework
	 * @return its rule
	 */
	static FrameworkRule of(Framework framework) {
		return RULES.get(framework);
	}

	/**
	 * The seed a rank's process passes to python, NumPy and torch.
	 * @param request the declared seeds
	 * @param rank the global rank
	 * @return the process seed
	 */
	public static BigInteger processSeed(SeedRequest request, int rank) {
		boolean plusRank = switch (of(request.framework()).processSeeding()) {
			case SAME_ON_EVERY_RANK -> false;
			case GLOBAL_PLUS_RANK -> true;
			case GLOBAL_PLUS_RANK_IF_DEVICE_SPECIFIC -> request.deviceSpecific();
		};
		return plusRank ? request.globalSeed().add(BigInteger.valueOf(rank)) : request.globalSeed();
	}

	/**
	 * @param request the declared seeds
	 * @return the sampler seed the framework uses when the training code passes none
	 */
	public static BigInteger defaultDataSeed(SeedRequest request) {
		return switch (of(request.framework()).defaultDataSeed()) {
			case ZERO -> BigInteger.ZERO;
			case GLOBAL_SEED -> request.globalSeed();
		};
	}

}
