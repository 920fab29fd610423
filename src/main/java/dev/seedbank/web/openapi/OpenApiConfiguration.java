package dev.seedbank.web.openapi;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: title, description and the version of the build, the four tags in
 * a fixed order, the {@code bearerAuth} scheme Swagger UI's Authorize button fills, and
 * the RFC 9457 {@code Problem} schema every error response refers to.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The security scheme's name; the security package documents its tokens under it. */
	static final String BEARER_AUTH = "bearerAuth";

	static final String DESCRIPTION = """
			seedbank records how distributed PyTorch training runs were seeded, and serves every rank \
			its exact data order, bit-identical to torch's DistributedSampler for the recorded torch \
			version, plus the seeds every rank and DataLoader worker must set to replay the run.

			Errors are RFC 9457 problems (application/problem+json). Seeds are integers over torch's \
			whole range, -2^63 .. 2^64-1, exact in JSON.

			Every request carries `Authorization: Bearer <token>`: press Authorize and paste your token.""";

	/**
	 * Declared here rather than only on the controllers so Swagger UI lists them in this
	 * order whichever controller springdoc scans first.
	 */
	static final List<Tag> TAGS = List.of(
			new Tag().name("Experiments")
				.description("Experiment records: how a run was seeded, stored so it can be replayed"),
			new Tag().name("Index orders")
				.description("Each rank's exact data order, bit-identical to torch's DistributedSampler"),
			new Tag().name("Seeds").description("Seed manifests, DataLoader worker seeds and seed comparisons"),
			new Tag().name("Tokens").description("API tokens (ADMIN only): create, list and revoke"));

	@Bean
	OpenAPI seedbankOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "dev";
		SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.description("A seedbank API token (sb_...) or, when configured, a JWT");
		Components components = new Components().addSecuritySchemes(BEARER_AUTH, bearer);
		return new OpenAPI()
			.info(new Info().title("seedbank API")
				.version(version)
				.description(DESCRIPTION)
				.license(new License().name("Apache-2.0").identifier("Apache-2.0")))
			.tags(new ArrayList<>(TAGS))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH));
	}

	/**
	 * springdoc lists the tags in the order it meets the controllers; this puts the
	 * declared four first, in their order, with their descriptions.
	 */
	@Bean
	OpenApiCustomizer tagOrder() {
		return (api) -> {
			List<Tag> tags = new ArrayList<>(TAGS);
			if (api.getTags() != null) {
				api.getTags()
					.stream()
					.filter((tag) -> TAGS.stream().noneMatch((declared) -> declared.getName().equals(tag.getName())))
					.forEach(tags::add);
			}
			api.setTags(tags);
		};
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	OpenApiCustomizer schemaConventions() {
		return new SchemaConventions();
	}

}
