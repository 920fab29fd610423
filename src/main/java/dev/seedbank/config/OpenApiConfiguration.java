package dev.seedbank.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and the version of the build. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String DESCRIPTION = """
			seedbank records how distributed PyTorch training runs were seeded, and serves every rank \
			its exact data order, bit-identical to torch's DistributedSampler for the recorded torch \
			version, plus the seeds every rank and DataLoader worker must set to replay the run.

			Errors are RFC 9457 problems (application/problem+json). Seeds are integers over torch's \
			whole range, -2^63 .. 2^64-1, exact in JSON.""";

	@Bean
	OpenAPI seedbankOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "dev";
		return new OpenAPI().info(new Info().title("seedbank API")
			.version(version)
			.description(DESCRIPTION)
			.license(new License().name("Apache-2.0")));
	}

}
