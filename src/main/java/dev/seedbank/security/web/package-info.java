/**
 * The token endpoints ({@code /api/v1/tokens}): the controller and its request and
 * response records; a secret appears only in the response that creates it. Private to the
 * security feature.
 */
package dev.seedbank.security.web;
