package io.heatwire.enrich.query;

/** A request whose parameters can never name a record (a malformed id, an unusable URL). */
public final class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
