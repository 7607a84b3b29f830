package io.heatwire.ingest.publish;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.springframework.kafka.KafkaException;

/** Turns a failed send into one readable line: the broker's or client's own exception, unwrapped. */
public final class SendFailures {

    private SendFailures() {}

    public static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException
                        || cause instanceof ExecutionException
                        // spring-kafka's wrappers ("Send failed") say less than the client exception they carry.
                        || cause instanceof KafkaException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return "not acknowledged by the broker: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
