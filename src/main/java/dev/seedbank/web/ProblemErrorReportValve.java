package dev.seedbank.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last-resort error report written as an RFC 9457 problem instead of an HTML
 * page. Tomcat answers some requests before they reach Spring MVC: an encoded {@code /},
 * {@code \} or NUL in the path, a malformed request line, headers beyond
 * {@code server.max-http-request-header-size}. Public with a no-argument constructor
 * because Tomcat's host instantiates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// ErrorReportValve's own guards: an unreported error, nothing written yet.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemType type = ProblemType.forStatus(status);
		String detail = (status == 400)
				? "The request could not be parsed: check the URL's encoding (no encoded '/', '\\\\' or NUL in "
						+ "the path) and the size of its headers"
				: type.title();
		String json = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nobody to tell.
		}
	}

}
