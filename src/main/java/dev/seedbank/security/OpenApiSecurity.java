package dev.seedbank.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the bearer scheme for every operation, so Swagger UI's Authorize works. */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

	static final String SCHEME = "bearerAuth";

	@Bean
	OpenApiCustomizer bearerSecurityScheme() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A seedbank API token (sb_...) or, when configured, a JWT"));
			if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
				openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
			}
		};
	}

}
