package dev.seedbank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The one builder of experiment bodies for tests: a valid torch record by default, each
 * field replaceable, any field left out with {@link #without(String)}. Raw values are
 * JSON text as sent (a number, null, a quoted string), so a test can send what a typed
 * client could not. For example
 * {@code ExperimentJson.named("search").globalSeed("18446744073709551615").json()}.
 */
public final class ExperimentJson {

	/** The order of CreateExperimentRequest's fields; others follow as added. */
	private static final List<String> ORDER = List.of("name", "description", "framework", "frameworkVersion",
			"torchVersion", "globalSeed", "dataSeed", "dataSeedPolicy", "deviceSpecific", "sampler");

	private final Map<String, String> fields = new LinkedHashMap<>();

	private final Map<String, String> sampler = new LinkedHashMap<>();

	private boolean samplerOmitted;

	private ExperimentJson(String name) {
		string("name", name);
		string("framework", "torch");
		string("frameworkVersion", "2.5.1");
		string("torchVersion", "2.5.1");
		this.fields.put("globalSeed", "17");
		this.fields.put("dataSeed", "null");
		string("dataSeedPolicy", "LINKED");
		this.sampler.put("datasetSize", "1000");
		this.sampler.put("worldSize", "4");
		this.sampler.put("shuffle", "true");
		this.sampler.put("dropLast", "false");
	}

	/**
	 * @param prefix what the test is about
	 * @return a valid body named {@code prefix-<uuid>}, so it clashes with no other
	 * record
	 */
	public static ExperimentJson named(String prefix) {
		return exactly(prefix + "-" + UUID.randomUUID());
	}

	/**
	 * @param name the record's name, as given
	 * @return a valid body with that name
	 */
	public static ExperimentJson exactly(String name) {
		return new ExperimentJson(name);
	}

	public ExperimentJson description(String description) {
		return string("description", description);
	}

	public ExperimentJson framework(String framework, String frameworkVersion) {
		string("framework", framework);
		return string("frameworkVersion", frameworkVersion);
	}

	public ExperimentJson torchVersion(String torchVersion) {
		return string("torchVersion", torchVersion);
	}

	/**
	 * @param json the seed as JSON text: a number, a quoted string or null
	 * @return this builder
	 */
	public ExperimentJson globalSeed(String json) {
		return raw("globalSeed", json);
	}

	/**
	 * @param json the seed as JSON text, null included
	 * @return this builder
	 */
	public ExperimentJson dataSeed(String json) {
		return raw("dataSeed", json);
	}

	public ExperimentJson policy(String dataSeedPolicy) {
		return string("dataSeedPolicy", dataSeedPolicy);
	}

	public ExperimentJson deviceSpecific(boolean deviceSpecific) {
		return raw("deviceSpecific", Boolean.toString(deviceSpecific));
	}

	public ExperimentJson datasetSize(long datasetSize) {
		this.sampler.put("datasetSize", Long.toString(datasetSize));
		return this;
	}

	public ExperimentJson worldSize(int worldSize) {
		this.sampler.put("worldSize", Integer.toString(worldSize));
		return this;
	}

	public ExperimentJson shuffle(boolean shuffle, boolean dropLast) {
		this.sampler.put("shuffle", Boolean.toString(shuffle));
		this.sampler.put("dropLast", Boolean.toString(dropLast));
		return this;
	}

	/**
	 * @param json the tags object as JSON text
	 * @return this builder
	 */
	public ExperimentJson tags(String json) {
		return raw("tags", json);
	}

	/**
	 * @param field a top-level field, or {@code sampler.<field>}
	 * @param json its value as JSON text
	 * @return this builder
	 */
	public ExperimentJson raw(String field, String json) {
		if (field.startsWith("sampler.")) {
			this.sampler.put(field.substring("sampler.".length()), json);
		}
		else {
			this.fields.put(field, json);
		}
		return this;
	}

	/**
	 * @param field a top-level field, or {@code sampler.<field>}
	 * @return this builder, the field left out of the body
	 */
	public ExperimentJson without(String field) {
		if (field.startsWith("sampler.")) {
			this.sampler.remove(field.substring("sampler.".length()));
		}
		else {
			this.fields.remove(field);
			this.samplerOmitted |= field.equals("sampler");
		}
		return this;
	}

	/**
	 * @return the body, fields in the order of the API ({@code sampler} before
	 * {@code tags}), each as a quoted name, a colon and a space, then the value,
	 * separated by a comma and a space, so a test may still edit one with
	 * {@code String.replace}
	 */
	public String json() {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : ORDER) {
			if (field.equals("sampler") && !this.fields.containsKey("sampler") && !this.samplerOmitted) {
				ordered.put("sampler", object(this.sampler).toString());
			}
			else if (this.fields.containsKey(field)) {
				ordered.put(field, this.fields.get(field));
			}
		}
		this.fields.forEach(ordered::putIfAbsent);
		return object(ordered).toString();
	}

	@Override
	public String toString() {
		return json();
	}

	private ExperimentJson string(String field, String value) {
		return raw(field, (value != null) ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : "null");
	}

	private static StringJoiner object(Map<String, String> fields) {
		StringJoiner object = new StringJoiner(", ", "{", "}");
		object.setEmptyValue("{}");
		fields.forEach((name, value) -> object.add("\"" + name + "\": " + value));
		return object;
	}

}
