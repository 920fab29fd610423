/**
 * Who may call: stateless bearer-token security, API tokens stored as their SHA-256
 * ({@code TokenService}, {@code ApiToken}), the bootstrap ADMIN token, optional JWTs from
 * an OAuth2 issuer, roles, and 401/403 answered as problems. The token endpoints are in
 * {@code security.web}.
 */
package dev.seedbank.security;
