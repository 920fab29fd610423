/**
 * The security feature's HTTP: the token endpoints ({@code /api/v1/tokens}), their
 * request and response records (a secret appears only in the response that creates it),
 * and the 401 and 403 answers as problems. Private to the security feature.
 */
package dev.seedbank.security.web;
