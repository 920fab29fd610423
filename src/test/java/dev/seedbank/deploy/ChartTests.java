package dev.seedbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the chart with the real Helm and checks what a cluster would receive.
 */
class ChartTests {

	private static final String CONTAINER = "spec.template.spec.containers.0";

	@Test
	void lintsCleanInStrictMode() {
		LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
		assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
		assertThat(lint.getMessages()).noneMatch((message) -> message.contains("[WARNING]"))
			.noneMatch((message) -> message.contains("[ERROR]"));
	}

	@Test
	void lintsCleanWithEveryOptionalObjectEnabled(@TempDir Path copy) throws IOException {
		RenderedChart.copyChart(copy);
		Path values = copy.resolve("values.yaml");
		String everything = Files.readString(values)
			.replace("enabled: false", "enabled: true")
			.replace("replicaCount: 1", "replicaCount: 3");
		assertThat(everything).doesNotContain("enabled: false");
		Files.writeString(values, everything);
		LintResult lint = new Helm(copy).lint().strict().call();
		assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
		assertThat(lint.getMessages()).noneMatch((message) -> message.contains("[WARNING]"));
	}

	@Test
	void defaultsRenderOneReplicaWithoutTheOptionalObjects() {
		RenderedChart chart = RenderedChart.withDefaults();
		assertThat(chart.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment");
		RenderedChart.Node deployment = chart.one("Deployment");
		assertThat(deployment.string("metadata.name")).isEqualTo("sb-seedbank");
		assertThat(deployment.get("spec.replicas")).isEqualTo(1);
		assertThat(deployment.string(CONTAINER + ".image")).isEqualTo("seedbank:0.1.0");
		assertThat(deployment.get(CONTAINER + ".ports.0.containerPort")).isEqualTo(8080);
		assertThat(deployment.map(CONTAINER + ".resources"))
			.isEqualTo(Map.of("requests", Map.of("cpu", "500m", "memory", "1Gi"), "limits", Map.of("memory", "2Gi")));
		assertThat(chart.one("Service").get("spec.ports.0.targetPort")).isEqualTo("http");
	}

	@Test
	void imageTagOverridesTheAppVersion() {
		RenderedChart chart = RenderedChart
			.render((helm) -> helm.set("image.repository", "registry.example/seedbank").set("image.tag", "1.2.3"));
		assertThat(chart.one("Deployment").string(CONTAINER + ".image")).isEqualTo("registry.example/seedbank:1.2.3");
	}

	@Test
	void probesUseTheActuatorHealthGroups() {
		RenderedChart.Node container = RenderedChart.withDefaults().one("Deployment").at(CONTAINER);
		assertThat(container.string("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat(container.string("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		assertThat(container.string("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		int startupBudget = (int) container.get("startupProbe.failureThreshold")
				* (int) container.get("startupProbe.periodSeconds");
		assertThat(startupBudget).as("seconds the startup probe allows for start-up and migrations")
			.isGreaterThanOrEqualTo(120);
	}

	@Test
	void podRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
		RenderedChart.Node pod = RenderedChart.withDefaults().one("Deployment").at("spec.template.spec");
		assertThat(pod.map("securityContext")).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", 10001)
			.containsEntry("fsGroup", 10001)
			.containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
		assertThat(pod.map("containers.0.securityContext")).containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false)
			.containsEntry("capabilities", Map.of("drop", List.of("ALL")));
		assertThat(pod.list("containers.0.volumeMounts")).containsExactly(Map.of("name", "tmp", "mountPath", "/tmp"));
		assertThat(pod.list("volumes")).containsExactly(Map.of("name", "tmp", "emptyDir", Map.of()));
		assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
	}

	@Test
	void passwordAndTokenComeFromExistingSecrets() {
		RenderedChart chart = RenderedChart.render((helm) -> helm.set("postgresql.existingSecret", "pg")
			.set("postgresql.existingSecretPasswordKey", "pw")
			.set("auth.existingSecret", "admin")
			.set("auth.existingSecretTokenKey", "bootstrap"));
		List<Object> env = chart.one("Deployment").list(CONTAINER + ".env");
		assertThat(env).contains(
				Map.of("name", "SPRING_DATASOURCE_PASSWORD", "valueFrom",
						Map.of("secretKeyRef", Map.of("name", "pg", "key", "pw"))),
				Map.of("name", "SEEDBANK_BOOTSTRAP_TOKEN", "valueFrom",
						Map.of("secretKeyRef", Map.of("name", "admin", "key", "bootstrap"))));
		assertThat(env).allSatisfy((variable) -> assertThat(((Map<?, ?>) variable).containsKey("value")).isFalse());
		assertThat(chart.one("ConfigMap").map("data").keySet())
			.noneMatch((name) -> name.matches("(?i).*(PASSWORD|SECRET|TOKEN).*"));
	}

	@Test
	void configMapCarriesTheNonSecretSettings() {
		Map<String, Object> data = RenderedChart
			.render((helm) -> helm.set("config.orderCacheMaxBytes", 536870912)
				.set("config.extraEnv.LOGGING_LEVEL_DEV_SEEDBANK", "DEBUG"))
			.one("ConfigMap")
			.map("data");
		assertThat(data).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgresql:5432/seedbank")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "seedbank")
			.containsEntry("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s")
			.containsEntry("SEEDBANK_ORDER_CACHEMAXBYTES", "536870912")
			.containsEntry("LOGGING_LEVEL_DEV_SEEDBANK", "DEBUG");
		assertThat((String) data.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
		assertThat(RenderedChart.withDefaults().one("ConfigMap").map("data"))
			.doesNotContainKey("SEEDBANK_ORDER_CACHEMAXBYTES");
	}

	@Test
	void datasourceUrlIsBuiltFromHostPortAndDatabaseWhenUrlIsEmpty() {
		RenderedChart chart = RenderedChart.render((helm) -> helm.set("postgresql.url", "")
			.set("postgresql.host", "db.internal")
			.set("postgresql.port", 6432)
			.set("postgresql.database", "seeds"));
		assertThat(chart.one("ConfigMap").string("data.SPRING_DATASOURCE_URL"))
			.isEqualTo("jdbc:postgresql://db.internal:6432/seeds");
	}

	@Test
	void configChecksumRollsThePodsOnlyWhenTheConfigChanges() {
		String defaults = checksum(RenderedChart.withDefaults());
		assertThat(checksum(RenderedChart.render((helm) -> helm.set("postgresql.username", "trainer"))))
			.isNotEqualTo(defaults);
		assertThat(checksum(RenderedChart.render((helm) -> helm.set("config.orderCacheMaxBytes", 1024))))
			.isNotEqualTo(defaults);
		assertThat(checksum(RenderedChart.render((helm) -> helm.set("replicaCount", 2)))).isEqualTo(defaults);
	}

	@Test
	void terminationGraceCoversPreStopSleepAndSpringShutdownPhase() {
		RenderedChart.Node pod = RenderedChart.withDefaults().one("Deployment").at("spec.template.spec");
		List<Object> preStop = pod.list("containers.0.lifecycle.preStop.exec.command");
		assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
		int preStopSleep = Integer.parseInt((String) preStop.get(1));
		int springPhase = 30;
		assertThat(preStopSleep).isPositive();
		assertThat((int) pod.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(preStopSleep + springPhase);
	}

	@Test
	void defaultAffinityPrefersSpreadingOverNodesAndCanBeReplaced() {
		RenderedChart.Node term = RenderedChart.withDefaults()
			.one("Deployment")
			.at("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.0");
		assertThat(term.string("podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname");
		assertThat(term.map("podAffinityTerm.labelSelector.matchLabels")).containsEntry("app.kubernetes.io/instance",
				RenderedChart.RELEASE);
		RenderedChart.Node replaced = RenderedChart.render((helm) -> helm
			.set("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
					+ ".nodeSelectorTerms[0].matchExpressions[0].key", "gpu")
			.set("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
					+ ".nodeSelectorTerms[0].matchExpressions[0].operator", "DoesNotExist"))
			.one("Deployment");
		assertThat(replaced.map("spec.template.spec.affinity")).containsOnlyKeys("nodeAffinity");
	}

	@Test
	void podAnnotationsAndLabelsAreAdded() {
		RenderedChart.Node metadata = RenderedChart
			.render((helm) -> helm.set("podAnnotations.team", "ml").set("podLabels.tier", "backend"))
			.one("Deployment")
			.at("spec.template.metadata");
		assertThat(metadata.map("annotations")).containsEntry("team", "ml").containsKey("checksum/config");
		assertThat(metadata.map("labels")).containsEntry("tier", "backend");
	}

	@Test
	void readmeValuesExampleRenders(@TempDir Path directory) throws IOException {
		Matcher example = Pattern.compile("A values file.*?```yaml\\n(.*?)```", Pattern.DOTALL)
			.matcher(Files.readString(Path.of("README.md")));
		assertThat(example.find()).as("the values example in README.md").isTrue();
		Path values = Files.writeString(directory.resolve("values.yaml"), example.group(1));
		RenderedChart chart = RenderedChart.render((helm) -> helm.withValuesFile(values));
		assertThat(chart.kinds()).contains("Deployment", "Ingress", "PodDisruptionBudget");
		assertThat(chart.one("ConfigMap").string("data.SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://");
	}

	private static String checksum(RenderedChart chart) {
		return chart.one("Deployment").string("spec.template.metadata.annotations.checksum/config");
	}

}
