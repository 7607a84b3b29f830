package io.heatwire.article.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Story ids (SPEC 5): lowercase hex of the first 16 bytes of SHA-256 of the canonical URL. */
public final class StoryId {

    private static final int ID_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private StoryId() {}

    /** The id of the story whose canonical URL is {@code canonicalUrl} (see {@link CanonicalUrl}). */
    public static String of(final String canonicalUrl) {
        final byte[] digest = sha256().digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, ID_BYTES);
    }

    /** Whether {@code id} has the shape of a story id: 32 lowercase hex digits. */
    public static boolean isValid(final String id) {
        if (id == null || id.length() != ID_BYTES * 2) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            final char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
