/**
 * The shared HTTP layer: every error as an RFC 9457 problem with a stable {@code type}
 * ({@code ProblemType}, {@code Problems}), built in one place ({@code ProblemHandler},
 * which maps the domain exceptions, and the error controller and Tomcat valve for what
 * never reaches Spring MVC), ETags and digests, and {@code IndexResponder}, which pages,
 * negotiates and streams every index endpoint's order. Its {@code openapi} subpackage
 * documents the HTTP surface. Only web adapters import it; services throw their own
 * exceptions.
 */
package dev.seedbank.web;
