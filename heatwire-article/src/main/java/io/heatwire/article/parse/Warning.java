package io.heatwire.article.parse;

import java.util.Objects;

/**
 * A field-level problem found while parsing.
 *
 * @param kind    stable kind, usable as a metric tag
 * @param field   the path of the field, for example {@code related[2].quality}
 * @param message a short human-readable explanation; never contains the {@code secured} value
 */
public record Warning(WarningKind kind, String field, String message) {

    public Warning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
