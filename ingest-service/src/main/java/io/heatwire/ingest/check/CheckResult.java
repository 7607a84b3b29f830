package io.heatwire.ingest.check;

import java.util.Objects;

/** Outcome of the cheap checks: the bytes to publish, or the reason they were refused. */
public sealed interface CheckResult {

    /** The document passed; {@code bytes} are exactly what was read. */
    record Accepted(byte[] bytes) implements CheckResult {

        public Accepted {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The document was refused. */
    record Rejected(Rejection rejection) implements CheckResult {

        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
