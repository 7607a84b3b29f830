package io.heatwire.article.story;

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
 * @param ingestedAt    when the document was handed to heatwire (its {@code ingested-at} header, else
 *                      its record timestamp), when known
 * @param contentSha256 lowercase hex SHA-256 of the document bytes, when known
 */
public record SourceVersion(Instant publishedAt, Instant ingestedAt, String contentSha256) {

    /**
     * Later {@code publishedAt} is newer; then later {@code ingestedAt}, so an edit that keeps its
     * publication date wins over the version it corrects; then the greater hash, so the order is
     * total and a merge never depends on arrival order.
     */
    static final Comparator<SourceVersion> ORDER = Comparator.comparing(
                    SourceVersion::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SourceVersion::ingestedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
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
