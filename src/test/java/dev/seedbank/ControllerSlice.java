package dev.seedbank;

import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.order.IndexOrderService;
import dev.seedbank.web.IndexResponder;
import dev.seedbank.security.TokenService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The base of the controller slice tests: every controller and {@code ProblemHandler}
 * over mocked services, no database, no server, no security filters (the security matrix
 * is {@code SecurityMatrixTests}' job). What a slice checks is the edge: request
 * validation, parameter binding and how each exception becomes a problem.
 * <p>
 * Every slice extends this class unchanged, so they all share one application context. To
 * slice another controller, add it to {@link #CONTROLLERS} and its services'
 * {@code @MockitoBean}s here, not in a subclass (which would start a context of its own).
 */
// Only the controllers under test, the shared web layer and the settings records (which
// the slice would otherwise filter out of @ConfigurationPropertiesScan): a controller
// added elsewhere does not need its services mocked here.
@WebMvcTest(useDefaultFilters = false,
		includeFilters = { @ComponentScan.Filter(type = FilterType.REGEX, pattern = ControllerSlice.CONTROLLERS),
				@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ConfigurationProperties.class) })
@AutoConfigureMockMvc(addFilters = false)
@Import({ IndexResponder.class, ControllerSlice.Metrics.class })
public abstract class ControllerSlice {

	/**
	 * The controllers sliced with what they render through, and {@code web}'s handler and
	 * error controller.
	 */
	static final String CONTROLLERS = "dev\\.seedbank\\.(experiment\\.web\\.(ExperimentController|RenderedRecords)"
			+ "|order\\.IndexController|security\\.web\\.TokenController|web\\.Problem.*)";

	@Autowired
	protected MockMvcTester mvc;

	@MockitoBean
	protected ExperimentService experiments;

	@MockitoBean
	protected IndexOrderService orders;

	@MockitoBean
	protected TokenService tokens;

	@TestConfiguration(proxyBeanMethods = false)
	static class Metrics {

		/** {@code IndexResponder} counts the bytes it streams. */
		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
