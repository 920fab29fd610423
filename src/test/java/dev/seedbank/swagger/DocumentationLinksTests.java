package dev.seedbank.swagger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16.10: the README linked {@code ../shared/API.md}, outside the repository. Every
 * relative link of the project's documents names a file inside it; the endpoint guide is
 * {@code docs/API.md}.
 */
class DocumentationLinksTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "docs/API.md", "clients/python/README.md" })
	void everyRelativeLinkStaysInTheRepository(String document) throws IOException {
		Path file = Path.of(document);
		Path root = Path.of("").toAbsolutePath().normalize();
		List<String> relative = new ArrayList<>();
		Matcher link = LINK.matcher(Files.readString(file));
		while (link.find()) {
			String target = link.group(1).replaceAll("#.*", "");
			if (!target.isEmpty() && !target.matches("[a-z]+:.*")) {
				relative.add(target);
				Path resolved = file.toAbsolutePath().getParent().resolve(target).normalize();
				assertThat(resolved).as("%s links %s", document, target).startsWith(root).exists();
			}
		}
		if (document.equals("README.md")) {
			assertThat(relative).contains("docs/API.md");
		}
	}

}
