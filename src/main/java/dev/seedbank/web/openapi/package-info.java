/**
 * The OpenAPI document and Swagger UI: title and tags, the problem responses and schemas
 * every operation can answer, schema conventions for seeds, and the redirect from
 * {@code /}. Documentation only; no behaviour of the API lives here.
 */
package dev.seedbank.web.openapi;
