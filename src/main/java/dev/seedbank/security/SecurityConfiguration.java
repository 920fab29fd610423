package dev.seedbank.security;

import java.util.Collection;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security: no sessions, no CSRF (no cookies to ride on), no login
 * forms or HTTP Basic. Probes, metrics scraping and the API docs stay open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String READER = Role.READER.name();

	private static final String WRITER = Role.WRITER.name();

	private static final String ADMIN = Role.ADMIN.name();

	/** Reachable without a token: probes, Prometheus scraping, the API docs, the root. */
	private static final String[] OPEN = { "/", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	/** Records, index slices and manifests: what {@code anonymous-read} opens. */
	private static final String[] READS = { "/api/v1/experiments", "/api/v1/experiments/**", "/api/v1/samplers/**",
			"/api/v1/seeds/**" };

	/**
	 * Stateless samplers that take a body (Streaming's shard sizes are too many for a
	 * query): they store nothing, so they are reads.
	 */
	private static final String[] STATELESS_POSTS = { "/api/v1/samplers/streaming/indices" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager bearerAuthentication,
			AuthenticationEntryPoint unauthenticated, AccessDeniedHandler denied, SecuritySettings settings)
			throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((bearer) -> bearer.bearerTokenResolver(openPathsIgnored())
				.authenticationManagerResolver((request) -> bearerAuthentication)
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN).permitAll();
				requests.requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").hasRole(ADMIN);
				// verify only reads: it is a POST because the indices come as a body
				requests.requestMatchers(HttpMethod.POST, "/api/v1/experiments/*/epochs/*/ranks/*/verify")
					.hasRole(READER);
				// so do the resume audit and the disjointness lint: they store nothing
				requests.requestMatchers(HttpMethod.POST, "/api/v1/experiments/*/resume-audit", "/api/v1/lint/**")
					.hasRole(READER);
				if (settings.anonymousRead()) {
					requests.requestMatchers(HttpMethod.GET, "/api/v1/experiments/*/audit").hasRole(READER);
					requests.requestMatchers(HttpMethod.GET, READS).permitAll();
					requests.requestMatchers(HttpMethod.HEAD, READS).permitAll();
					requests.requestMatchers(HttpMethod.POST, STATELESS_POSTS).permitAll();
				}
				requests.requestMatchers(HttpMethod.POST, STATELESS_POSTS).hasRole(READER);
				requests.requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(READER);
				requests.requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(READER);
				requests.requestMatchers("/api/v1/**").hasRole(WRITER);
				requests.requestMatchers("/actuator/**").hasRole(ADMIN);
				requests.anyRequest().hasRole(READER);
			});
		return http.build();
	}

	/**
	 * Open paths ignore the Authorization header: a probe or a client sending a stale
	 * token to {@code /actuator/health} still gets an answer.
	 */
	private static BearerTokenResolver openPathsIgnored() {
		RequestMatcher open = new OrRequestMatcher(
				Stream.of(OPEN).map(PathPatternRequestMatcher::pathPattern).toArray(RequestMatcher[]::new));
		DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
		return (request) -> open.matches(request) ? null : header.resolve(request);
	}

	/**
	 * Also keeps Spring Boot from creating an in-memory user with a generated password.
	 */
	@Bean
	AuthenticationManager bearerAuthentication(TokenService tokens, ObjectProvider<JwtDecoder> jwtDecoder,
			SecuritySettings settings) {
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		JwtAuthenticationProvider jwt = null;
		if (decoder != null) {
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(new JwtRoles(settings.jwt().rolesClaim()));
			jwt = new JwtAuthenticationProvider(decoder);
			jwt.setJwtAuthenticationConverter(converter);
		}
		return new ProviderManager(new BearerAuthenticationProvider(tokens, jwt));
	}

	/**
	 * Maps a JWT claim of role names to authorities; unknown names are ignored, so a
	 * token from the issuer without seedbank roles can do nothing.
	 */
	static final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

		private final String claim;

		JwtRoles(String claim) {
			this.claim = claim;
		}

		@Override
		public Collection<GrantedAuthority> convert(Jwt jwt) {
			Object value = jwt.getClaims().get(this.claim);
			Stream<String> names = (value instanceof Collection<?> list) ? list.stream().map(String::valueOf)
					: (value instanceof String text) ? Stream.of(text.split("\\s+")) : Stream.empty();
			return names.map(String::trim)
				.map(String::toUpperCase)
				.filter((name) -> Stream.of(Role.values()).anyMatch((role) -> role.name().equals(name)))
				.flatMap((name) -> Role.valueOf(name).authorities().stream())
				.distinct()
				.toList();
		}

	}

}
