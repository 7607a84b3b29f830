package io.heatwire.ingest.publish;

/** The command line cannot be run as given (exit code 2). */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
