package dev.seedbank.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NOTES.txt, which only an install renders: a client-only dry run, no cluster needed.
 */
class ChartNotesTests {

	@Test
	void notesShowTheSwaggerUiThroughAPortForward() {
		assertThat(notes(install())).contains("kubectl --namespace ml port-forward service/sb-seedbank 8080:80")
			.contains("http://127.0.0.1:8080/swagger-ui/index.html")
			.doesNotContain("through the ingress");
	}

	@Test
	void notesShowTheSwaggerUiThroughTheIngressHost() {
		String notes = notes(install().set("ingress.enabled", true)
			.set("ingress.hosts[0].host", "seedbank.example.org")
			.set("ingress.hosts[0].paths[0].path", "/")
			.set("ingress.hosts[0].paths[0].pathType", "Prefix")
			.set("ingress.tls[0].secretName", "seedbank-tls")
			.set("ingress.tls[0].hosts[0]", "seedbank.example.org"));
		assertThat(notes).contains("https://seedbank.example.org/swagger-ui/index.html");
	}

	private static InstallCommand install() {
		return new Helm(RenderedChart.CHART).install()
			.withName(RenderedChart.RELEASE)
			.withNamespace("ml")
			.clientOnly()
			.dryRun();
	}

	private static String notes(InstallCommand install) {
		String output = install.call().getOutput();
		assertThat(output).contains("NOTES:");
		return output.substring(output.indexOf("NOTES:"));
	}

}
