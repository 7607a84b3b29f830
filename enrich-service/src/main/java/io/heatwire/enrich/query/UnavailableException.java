package io.heatwire.enrich.query;

/**
 * A query that cannot be answered correctly now: an owner unknown, rebalancing, restoring or
 * unreachable. Never turned into "not found": the caller should retry.
 */
public final class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String reason) {
        super(reason);
    }
}
