package io.heatwire.enrich.api;

import java.time.Duration;

/**
 * What the web layer of the query API needs to know.
 *
 * @param retryAfter the {@code Retry-After} of a 503
 */
public record ApiSettings(Duration retryAfter) {}
