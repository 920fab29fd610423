package dev.seedbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart rendered by the real Helm (through helm-java) and parsed back into maps.
 */
final class RenderedChart {

	static final Path CHART = Path.of("helm", "seedbank");

	static final String RELEASE = "sb";

	private final List<Map<String, Object>> documents;

	private RenderedChart(List<Map<String, Object>> documents) {
		this.documents = documents;
	}

	static RenderedChart withDefaults() {
		return render(UnaryOperator.identity());
	}

	static RenderedChart render(UnaryOperator<TemplateCommand> values) {
		return parse(template(values));
	}

	static String template(UnaryOperator<TemplateCommand> values) {
		return values.apply(new Helm(CHART).template().withName(RELEASE).withNamespace("ml")).call();
	}

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(documents);
	}

	/**
	 * Copies the chart, for lint runs on changed values: helm-java's lint takes no
	 * values.
	 */
	static void copyChart(Path target) throws IOException {
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path source : files.toList()) {
				Path destination = target.resolve(CHART.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(source, destination);
				}
			}
		}
	}

	List<String> kinds() {
		return this.documents.stream().map((document) -> (String) document.get("kind")).toList();
	}

	boolean has(String kind) {
		return kinds().contains(kind);
	}

	Node one(String kind) {
		List<Map<String, Object>> matches = this.documents.stream()
			.filter((document) -> kind.equals(document.get("kind")))
			.toList();
		if (matches.size() != 1) {
			throw new AssertionError("Expected one " + kind + " but rendered " + kinds());
		}
		return new Node(matches.get(0));
	}

	/**
	 * A rendered YAML node, navigated by dotted paths (a number selects a list element).
	 */
	record Node(Object value) {

		Node at(String path) {
			Object current = this.value;
			for (String step : path.split("\\.")) {
				if (current instanceof Map<?, ?> map) {
					current = map.get(step);
				}
				else if (current instanceof List<?> list && step.chars().allMatch(Character::isDigit)) {
					current = list.get(Integer.parseInt(step));
				}
				else {
					throw new AssertionError("No '" + step + "' in " + current + " (path " + path + ")");
				}
			}
			return new Node(current);
		}

		String string(String path) {
			return (String) at(path).value();
		}

		Object get(String path) {
			return at(path).value();
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> map(String path) {
			return (Map<String, Object>) at(path).value();
		}

		@SuppressWarnings("unchecked")
		List<Object> list(String path) {
			return (List<Object>) at(path).value();
		}

	}

}
