/**
 * The experiment endpoints ({@code /api/v1/experiments}): the controller, and the request
 * and response records that keep the entity off the wire. Private to the experiment
 * feature.
 */
package dev.seedbank.experiment.web;
