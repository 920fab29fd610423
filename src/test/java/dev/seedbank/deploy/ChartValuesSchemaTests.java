package dev.seedbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Values the chart must refuse before anything reaches a cluster.
 */
class ChartValuesSchemaTests {

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					replicaCount                     | -1                          | replicaCount: Must be greater than or equal to 0
					replicaCount                     | two                         | replicaCount: Invalid type
					replicaCuont                     | 2                           | Additional property replicaCuont is not allowed
					image.pullPolicy                 | Sometimes                   | image.pullPolicy must be one of the following
					postgresql.password              | x                           | Additional property password is not allowed
					auth.token                       | x                           | Additional property token is not allowed
					postgresql.url                   | postgres://db:5432/seedbank | postgresql.url: Does not match pattern
					postgresql.existingSecret        | ''                          | postgresql.existingSecret: String length
					service.port                     | 0                           | service.port: Must be greater than or equal to 1
					service.type                     | ExternalName                | service.type must be one of the following
					autoscaling.minReplicas          | 0                           | autoscaling.minReplicas: Must be greater
					podDisruptionBudget.minAvailable | half                        | podDisruptionBudget.minAvailable
					serviceMonitor.interval          | often                       | serviceMonitor.interval: Does not match pattern
					config.extraEnv.DB_PASSWORD      | x                           | Property name of "DB_PASSWORD" does not match
					ingress.enabled                  | maybe                       | ingress.enabled: Invalid type
					""")
	void templateRefusesValuesTheSchemaForbids(String key, String value, String reason) {
		assertThatIllegalStateException().isThrownBy(() -> RenderedChart.template((helm) -> helm.set(key, value)))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining(reason);
	}

	@Test
	void templateRefusesAGracePeriodShorterThanPreStopPlusSpringShutdown() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RenderedChart.template((helm) -> helm.set("terminationGracePeriodSeconds", 35)))
			.withMessageContaining("terminationGracePeriodSeconds");
	}

	@Test
	void templateRefusesAMissingDatabaseLocation() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RenderedChart.template((helm) -> helm.set("postgresql.url", "")))
			.withMessageContaining("postgresql.host");
	}

	@Test
	void lintRefusesAPasswordInValuesYaml(@TempDir Path copy) throws IOException {
		RenderedChart.copyChart(copy);
		Path values = copy.resolve("values.yaml");
		Files.writeString(values, Files.readString(values)
			.replace("  username: seedbank\n", "  username: seedbank\n  password: hunter2\n"));
		assertThat(Files.readString(values)).contains("password: hunter2");
		LintResult lint = new Helm(copy).lint().strict().call();
		assertThat(lint.isFailed()).isTrue();
		assertThat(lint.getMessages())
			.anyMatch((message) -> message.contains("Additional property password is not allowed"));
	}

}
