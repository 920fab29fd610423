package dev.seedbank.security.web;

import java.io.IOException;

import dev.seedbank.security.TokenStoreUnavailableException;
import dev.seedbank.web.DatabaseOutage;
import dev.seedbank.web.ProblemType;
import dev.seedbank.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 as seedbank problems, and a token the database was not there to
 * check as its 503. Details say what to do, never echo a token.
 * {@code SecurityConfiguration} takes it by its two Spring Security interfaces, so the
 * security module does not depend on its web layer.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof TokenStoreUnavailableException unavailable) {
			ResponseEntity<ProblemDetail> answer = DatabaseOutage
				.answer(request.getMethod() + " " + request.getRequestURI(), unavailable.getCause());
			answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			write(response, answer.getBody());
			return;
		}
		boolean invalidToken = exception instanceof OAuth2AuthenticationException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				invalidToken ? "Bearer realm=\"seedbank\", error=\"invalid_token\"" : "Bearer realm=\"seedbank\"");
		String detail = invalidToken
				? "The bearer token is malformed, unknown, expired or revoked; ask an admin for a valid token"
				: "This request needs a token: send 'Authorization: Bearer <token>'";
		write(response, Problems.of(ProblemType.UNAUTHORIZED, detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(response,
				Problems.of(ProblemType.FORBIDDEN,
						"This token's role may not " + request.getMethod() + " " + request.getRequestURI()
								+ "; READER reads and verifies, WRITER also creates and amends experiments, "
								+ "ADMIN also manages tokens"));
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
