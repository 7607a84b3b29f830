package io.heatwire.ingest.check;

import java.util.Objects;

/** Why a document was refused: a stable code and a sentence for people. Never contains document text. */
public record Rejection(RejectionCode code, String reason) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
