package dev.seedbank.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects the chart renders only when asked: PDB, HPA, Ingress and ServiceMonitor.
 */
class ChartOptionalObjectsTests {

	@Test
	void severalReplicasGetADisruptionBudget() {
		RenderedChart chart = RenderedChart.render((helm) -> helm.set("replicaCount", 3));
		assertThat(chart.one("Deployment").get("spec.replicas")).isEqualTo(3);
		RenderedChart.Node pdb = chart.one("PodDisruptionBudget");
		assertThat(pdb.string("apiVersion")).isEqualTo("policy/v1");
		assertThat(pdb.get("spec.minAvailable")).isEqualTo(1);
		assertThat(pdb.map("spec.selector.matchLabels"))
			.isEqualTo(chart.one("Deployment").map("spec.selector.matchLabels"));
	}

	@Test
	void disruptionBudgetAcceptsAPercentage() {
		RenderedChart chart = RenderedChart
			.render((helm) -> helm.set("replicaCount", 4).set("podDisruptionBudget.minAvailable", "50%"));
		assertThat(chart.one("PodDisruptionBudget").get("spec.minAvailable")).isEqualTo("50%");
	}

	@Test
	void autoscalingOwnsTheReplicaCount() {
		RenderedChart chart = RenderedChart.render((helm) -> helm.set("autoscaling.enabled", true)
			.set("autoscaling.minReplicas", 2)
			.set("autoscaling.maxReplicas", 5)
			.set("autoscaling.targetMemoryUtilizationPercentage", 80));
		assertThat(chart.one("Deployment").map("spec")).doesNotContainKey("replicas");
		RenderedChart.Node hpa = chart.one("HorizontalPodAutoscaler");
		assertThat(hpa.string("apiVersion")).isEqualTo("autoscaling/v2");
		assertThat(hpa.map("spec.scaleTargetRef"))
			.isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "sb-seedbank"));
		assertThat(hpa.get("spec.minReplicas")).isEqualTo(2);
		assertThat(hpa.get("spec.maxReplicas")).isEqualTo(5);
		assertThat(hpa.list("spec.metrics")).extracting((metric) -> new RenderedChart.Node(metric))
			.extracting(
					(metric) -> metric.string("resource.name") + "=" + metric.get("resource.target.averageUtilization"))
			.containsExactly("cpu=70", "memory=80");
		assertThat(chart.has("PodDisruptionBudget")).isTrue();
	}

	@Test
	void ingressRoutesTheHostToTheService() {
		RenderedChart chart = RenderedChart.render((helm) -> helm.set("ingress.enabled", true)
			.set("ingress.className", "nginx")
			.set("ingress.hosts[0].host", "seedbank.example.org")
			.set("ingress.hosts[0].paths[0].path", "/")
			.set("ingress.hosts[0].paths[0].pathType", "Prefix")
			.set("ingress.tls[0].secretName", "seedbank-tls")
			.set("ingress.tls[0].hosts[0]", "seedbank.example.org"));
		RenderedChart.Node ingress = chart.one("Ingress");
		assertThat(ingress.string("apiVersion")).isEqualTo("networking.k8s.io/v1");
		assertThat(ingress.string("spec.ingressClassName")).isEqualTo("nginx");
		assertThat(ingress.string("spec.rules.0.host")).isEqualTo("seedbank.example.org");
		assertThat(ingress.map("spec.rules.0.http.paths.0.backend.service"))
			.isEqualTo(Map.of("name", "sb-seedbank", "port", Map.of("name", "http")));
		assertThat(ingress.list("spec.tls"))
			.containsExactly(Map.of("secretName", "seedbank-tls", "hosts", List.of("seedbank.example.org")));
	}

	@Test
	void serviceMonitorScrapesThePrometheusEndpoint() {
		RenderedChart chart = RenderedChart
			.render((helm) -> helm.set("serviceMonitor.enabled", true).set("serviceMonitor.interval", "15s"));
		RenderedChart.Node monitor = chart.one("ServiceMonitor");
		assertThat(monitor.string("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
		assertThat(monitor.string("spec.endpoints.0.port")).isEqualTo("http");
		assertThat(monitor.string("spec.endpoints.0.path")).isEqualTo("/actuator/prometheus");
		assertThat(monitor.string("spec.endpoints.0.interval")).isEqualTo("15s");
		assertThat(monitor.map("spec.selector.matchLabels")).isEqualTo(chart.one("Service").map("spec.selector"));
		assertThat(chart.one("Service").string("spec.ports.0.name")).isEqualTo("http");
	}

	@Test
	void serviceAccountCanBeExternal() {
		RenderedChart chart = RenderedChart
			.render((helm) -> helm.set("serviceAccount.create", false).set("serviceAccount.name", "trainers"));
		assertThat(chart.has("ServiceAccount")).isFalse();
		assertThat(chart.one("Deployment").string("spec.template.spec.serviceAccountName")).isEqualTo("trainers");
	}

}
