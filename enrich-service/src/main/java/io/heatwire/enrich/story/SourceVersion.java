package io.heatwire.enrich.story;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Which version of which document a story was read from; orders versions of one story (see
 * {@link StoryMerge}).
 *
 * @param publishedAt   the document's {@code publishedDateTime}
 * @param contentSha256 lowercase hex SHA-256 of the document bytes, when known
 */
public record SourceVersion(Instant publishedAt, String contentSha256) {

    /** Later {@code publishedAt} is newer; on a tie the greater hash wins, so the order is total. */
    static final Comparator<SourceVersion> ORDER = Comparator
            .comparing(SourceVersion::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SourceVersion::contentSha256, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Lowercase hex SHA-256 of a document, for when the record carries no content-sha256 header. */
    public static String sha256Hex(final byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
