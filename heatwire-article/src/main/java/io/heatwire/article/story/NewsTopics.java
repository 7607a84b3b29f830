package io.heatwire.article.story;

import java.text.Normalizer;
import java.util.Locale;

/** Topic keys (SPEC 9). */
public final class NewsTopics {

    private NewsTopics() {}

    /**
     * The slug of a topic: {@code Computer Vision} → {@code computer-vision}. Accents are removed,
     * letters and digits of any script are kept, every other run of characters becomes one hyphen.
     * Empty when the name has no letter or digit.
     */
    public static String slug(final String topic) {
        final String decomposed = Normalizer.normalize(topic, Normalizer.Form.NFKD);
        final StringBuilder slug = new StringBuilder(decomposed.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            final int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(codePoint)) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.appendCodePoint(codePoint);
            } else {
                pendingHyphen = true;
            }
        }
        return slug.toString().toLowerCase(Locale.ROOT);
    }
}
