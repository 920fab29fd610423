package dev.seedbank.web.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI rounds integers beyond 2^53 when it shows a response; seeds reach 2^64-1.
 * springdoc's own initializer gets {@code seedbank/swagger-exact-integers.js} in front
 * and that script's response interceptor, so a looked-up seed shows exactly as stored.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiExactIntegers {

	private static final String CONFIG_START = "SwaggerUIBundle({";

	@Bean
	SwaggerIndexTransformer indexPageTransformer(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth,
			SwaggerWelcomeCommon welcome, ObjectMapperProvider mappers) throws IOException {
		String script;
		try (InputStream in = new ClassPathResource("seedbank/swagger-exact-integers.js").getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return new SwaggerIndexPageTransformer(config, oauth, welcome, mappers) {

			@Override
			public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
					throws IOException {
				Resource transformed = super.transform(request, resource, chain);
				if (!"swagger-initializer.js".equals(resource.getFilename())) {
					return transformed;
				}
				String initializer = transformed.getContentAsString(StandardCharsets.UTF_8);
				if (!initializer.contains(CONFIG_START)) {
					return transformed;
				}
				String patched = script + "\n" + initializer.replace(CONFIG_START,
						CONFIG_START + "\n    responseInterceptor: window.seedbankResponseInterceptor,");
				return new TransformedResource(resource, patched.getBytes(StandardCharsets.UTF_8));
			}

		};
	}

}
