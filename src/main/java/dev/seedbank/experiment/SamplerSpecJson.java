package dev.seedbank.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.seedbank.experiment.InvalidSamplerSettingsException.Violation;
import dev.seedbank.sampling.AccelerateVersion;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.hf.DatasetsVersion;
import dev.seedbank.sampling.streaming.StreamingRelease;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record's {@code sampler} object, read into its typed {@link SamplerSpec} and written
 * back. Field names are API.md's ("More samplers": the stateless endpoints' parameters);
 * {@code kind} is absent or {@code distributed} for the turn-one shape. Reading is
 * strict: a field the kind does not have, a value of the wrong JSON type and a value the
 * spec refuses are all named as {@code sampler.<field>}. Versions that default to the
 * newest release are written resolved, so a later seedbank with newer releases replays
 * the record as it was recorded.
 */
public final class SamplerSpecJson {

	/** The kinds, as {@code sampler.kind} spells them. */
	public static final List<String> KINDS = List.of("distributed", "random", "accelerate", "hf-datasets", "streaming");

	/** The turn-one bound on {@code worldSize}. */
	static final int MAX_WORLD_SIZE = 1_000_000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private SamplerSpecJson() {
	}

	/**
	 * @param sampler the request's {@code sampler} object
	 * @return its spec
	 * @throws InvalidSamplerSettingsException naming every bad field
	 */
	public static SamplerSpec read(JsonNode sampler) {
		if (sampler == null || sampler.isNull()) {
			throw invalid("sampler", "must not be null");
		}
		if (!sampler.isObject()) {
			throw invalid("sampler", "must be an object");
		}
		Fields fields = new Fields(sampler);
		String kind = fields.string("kind");
		if (kind == null) {
			kind = "distributed";
		}
		if (!KINDS.contains(kind)) {
			throw invalid("sampler.kind", "must be one of " + String.join(", ", KINDS));
		}
		SamplerSpec spec = switch (kind) {
			case "random" -> random(fields);
			case "accelerate" -> accelerate(fields);
			case "hf-datasets" -> hfDatasets(fields);
			case "streaming" -> streaming(fields);
			default -> distributed(fields);
		};
		return spec;
	}

	private static SamplerSpec distributed(Fields f) {
		long datasetSize = f.requiredLong("datasetSize", 0, Long.MAX_VALUE);
		int worldSize = (int) f.requiredLong("worldSize", 1, MAX_WORLD_SIZE);
		boolean shuffle = f.bool("shuffle", true);
		boolean dropLast = f.bool("dropLast", false);
		return f.build(() -> new DistributedSpec(datasetSize, worldSize, shuffle, dropLast));
	}

	private static SamplerSpec random(Fields f) {
		long datasetSize = f.requiredLong("datasetSize", 0, Long.MAX_VALUE);
		Long numSamples = f.optionalLong("numSamples", 1, Long.MAX_VALUE);
		boolean replacement = f.bool("replacement", false);
		boolean dataLoader = f.bool("dataLoader", false);
		return f.build(() -> new RandomSpec(datasetSize, numSamples, replacement, dataLoader));
	}

	private static SamplerSpec accelerate(Fields f) {
		long datasetSize = f.requiredLong("datasetSize", 0, Long.MAX_VALUE);
		int numProcesses = (int) f.requiredLong("numProcesses", 1, MAX_WORLD_SIZE);
		int batchSize = (int) f.requiredLong("batchSize", 1, Integer.MAX_VALUE);
		boolean shuffle = f.bool("shuffle", true);
		boolean dropLast = f.bool("dropLast", false);
		boolean evenBatches = f.bool("evenBatches", true);
		boolean splitBatches = f.bool("splitBatches", false);
		String version = f.string("accelerateVersion");
		return f.build(() -> new AccelerateSpec(datasetSize, numProcesses, batchSize, shuffle, dropLast, evenBatches,
				splitBatches, AccelerateVersion.parse(version)));
	}

	private static SamplerSpec hfDatasets(Fields f) {
		long datasetSize = f.requiredLong("datasetSize", 0, Long.MAX_VALUE);
		Long numShards = f.optionalLong("numShards", 1, MAX_WORLD_SIZE);
		boolean contiguous = f.bool("contiguous", true);
		String version = f.string("datasetsVersion");
		return f.build(() -> new HfDatasetsSpec(datasetSize, (numShards != null) ? numShards.intValue() : 1, contiguous,
				DatasetsVersion.parse(version)));
	}

	private static SamplerSpec streaming(Fields f) {
		long[] shardSizes = f.longs("shardSizes");
		Boolean shuffle = f.optionalBool("shuffle");
		String shuffleAlgo = f.string("shuffleAlgo");
		Integer numCanonicalNodes = f.optionalInt("numCanonicalNodes");
		Long blockSize = f.optionalLong("blockSize", Long.MIN_VALUE, Long.MAX_VALUE);
		String partitionAlgo = f.string("partitionAlgo");
		Integer numPhysicalNodes = f.optionalInt("numPhysicalNodes");
		Integer ranksPerNode = f.optionalInt("ranksPerNode");
		Integer workersPerRank = f.optionalInt("workersPerRank");
		Integer batchSize = f.optionalInt("batchSize");
		Integer initialPhysicalNodes = f.optionalInt("initialPhysicalNodes");
		String streamingVersion = f.string("streamingVersion");
		return f.build(() -> {
			StreamingSpec spec = new StreamingSpec(shardSizes, shuffle, shuffleAlgo, numCanonicalNodes, blockSize,
					partitionAlgo, numPhysicalNodes, ranksPerNode, workersPerRank, batchSize, initialPhysicalNodes,
					StreamingRelease.parse(streamingVersion));
			if (spec.ranks() > MAX_WORLD_SIZE) {
				throw new InvalidSamplerArgumentException("ranksPerNode",
						"numPhysicalNodes * ranksPerNode must be at most " + MAX_WORLD_SIZE);
			}
			return spec;
		});
	}

	/**
	 * @param spec a spec
	 * @return the object a record shows under {@code sampler}: {@code kind} first, then
	 * every setting of that kind ({@code null} where the library's default applies)
	 */
	public static ObjectNode write(SamplerSpec spec) {
		ObjectNode node = NODES.objectNode();
		node.put("kind", spec.kind());
		if (spec instanceof DistributedSpec d) {
			node.put("datasetSize", d.datasetSize());
			node.put("worldSize", d.worldSize());
			node.put("shuffle", d.shuffle());
			node.put("dropLast", d.dropLast());
		}
		if (spec instanceof RandomSpec r) {
			node.put("datasetSize", r.datasetSize());
			node.put("numSamples", r.numSamples());
			node.put("replacement", r.replacement());
			node.put("dataLoader", r.dataLoader());
		}
		if (spec instanceof AccelerateSpec a) {
			node.put("datasetSize", a.datasetSize());
			node.put("numProcesses", a.numProcesses());
			node.put("batchSize", a.batchSize());
			node.put("shuffle", a.shuffle());
			node.put("dropLast", a.dropLast());
			node.put("evenBatches", a.evenBatches());
			node.put("splitBatches", a.splitBatches());
			node.put("accelerateVersion", a.accelerateVersion().toString());
		}
		if (spec instanceof HfDatasetsSpec h) {
			node.put("datasetSize", h.datasetSize());
			node.put("numShards", h.numShards());
			node.put("contiguous", h.contiguous());
			node.put("datasetsVersion", h.datasetsVersion().release());
		}
		if (spec instanceof StreamingSpec s) {
			ArrayNode shards = node.putArray("shardSizes");
			for (long size : s.shardSizes()) {
				shards.add(size);
			}
			node.put("shuffle", s.shuffle());
			node.put("shuffleAlgo", s.shuffleAlgo());
			node.put("numCanonicalNodes", s.numCanonicalNodes());
			node.put("blockSize", s.blockSize());
			node.put("partitionAlgo", s.partitionAlgo());
			node.put("numPhysicalNodes", s.numPhysicalNodes());
			node.put("ranksPerNode", s.ranksPerNode());
			node.put("workersPerRank", s.workersPerRank());
			node.put("batchSize", s.batchSize());
			node.put("initialPhysicalNodes", s.initialPhysicalNodes());
			node.put("streamingVersion", s.streamingVersion());
		}
		return node;
	}

	private static InvalidSamplerSettingsException invalid(String field, String message) {
		return new InvalidSamplerSettingsException(List.of(new Violation(field, message)));
	}

	/** Reads fields off one object, remembering which were read and what was wrong. */
	private static final class Fields {

		private final JsonNode node;

		private final Set<String> read = new LinkedHashSet<>();

		private final List<Violation> violations = new ArrayList<>();

		Fields(JsonNode node) {
			this.node = node;
		}

		private JsonNode take(String name) {
			this.read.add(name);
			JsonNode value = this.node.get(name);
			return (value == null || value.isNull()) ? null : value;
		}

		private void bad(String name, String message) {
			this.violations.add(new Violation("sampler." + name, message));
		}

		String string(String name) {
			JsonNode value = take(name);
			if (value == null) {
				return null;
			}
			if (!value.isString()) {
				bad(name, "must be a string");
				return null;
			}
			return value.asString();
		}

		boolean bool(String name, boolean otherwise) {
			Boolean value = optionalBool(name);
			return (value != null) ? value : otherwise;
		}

		Boolean optionalBool(String name) {
			JsonNode value = take(name);
			if (value == null) {
				return null;
			}
			if (!value.isBoolean()) {
				bad(name, "must be true or false");
				return null;
			}
			return value.booleanValue();
		}

		long requiredLong(String name, long min, long max) {
			if (this.node.get(name) == null || this.node.get(name).isNull()) {
				take(name);
				bad(name, "must not be null");
				return min;
			}
			Long value = optionalLong(name, min, max);
			return (value != null) ? value : min;
		}

		Long optionalLong(String name, long min, long max) {
			JsonNode value = take(name);
			if (value == null) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToLong()) {
				bad(name, "must be an integer");
				return null;
			}
			long number = value.longValue();
			if (number < min) {
				bad(name, "must be greater than or equal to " + min);
				return null;
			}
			if (number > max) {
				bad(name, "must be less than or equal to " + max);
				return null;
			}
			return number;
		}

		Integer optionalInt(String name) {
			Long value = optionalLong(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
			return (value != null) ? value.intValue() : null;
		}

		long[] longs(String name) {
			JsonNode value = take(name);
			if (value == null) {
				bad(name, "must not be null");
				return null;
			}
			if (!value.isArray()) {
				bad(name, "must be an array of integers");
				return null;
			}
			long[] result = new long[value.size()];
			for (int i = 0; i < result.length; i++) {
				JsonNode element = value.get(i);
				if (!element.isIntegralNumber() || !element.canConvertToLong()) {
					bad(name, "element " + i + " must be an integer");
					return null;
				}
				result[i] = element.longValue();
			}
			return result;
		}

		/**
		 * Fails with every violation so far and every unknown field, else builds the
		 * spec, naming what it refuses under {@code sampler.}.
		 */
		SamplerSpec build(java.util.function.Supplier<SamplerSpec> spec) {
			this.read.add("kind");
			List<Violation> all = new ArrayList<>();
			for (String field : this.node.propertyNames()) {
				if (!this.read.contains(field)) {
					all.add(new Violation("sampler." + field, "unknown field '" + field + "' for sampler kind "
							+ kindName() + "; its fields are " + String.join(", ", this.read)));
				}
			}
			all.addAll(this.violations);
			if (!all.isEmpty()) {
				throw new InvalidSamplerSettingsException(all);
			}
			try {
				return spec.get();
			}
			catch (InvalidSamplerArgumentException ex) {
				String message = ex.getMessage().substring(ex.parameter().length() + 2);
				throw invalid("sampler." + ex.parameter(), message);
			}
		}

		private String kindName() {
			JsonNode kind = this.node.get("kind");
			return (kind != null && kind.isString()) ? kind.asString() : "distributed";
		}

	}

}
