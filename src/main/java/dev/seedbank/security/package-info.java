/**
 * Who may call: stateless bearer-token security, API tokens stored as their SHA-256
 * ({@code TokenService}, {@code ApiToken}), the bootstrap ADMIN token, optional JWTs from
 * an OAuth2 issuer and roles. The token endpoints and the 401/403 problem answers
 * ({@code ProblemSecurityHandlers}) are its HTTP, in {@code security.web}.
 */
package dev.seedbank.security;
