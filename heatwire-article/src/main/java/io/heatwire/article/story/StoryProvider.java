package io.heatwire.article.story;

import java.util.Locale;
import java.util.Objects;

/**
 * The publisher of a story.
 *
 * @param name   display name as given, may be null
 * @param domain domain as given, may be null
 * @param key    aggregation key (SPEC 9): the domain lowercased without {@code www.}, or the host of
 *               the story's canonical URL when no domain is given; never null
 */
public record StoryProvider(String name, String domain, String key) {

    public StoryProvider {
        Objects.requireNonNull(key, "key");
    }

    /** The provider of a story whose canonical URL is {@code canonicalUrl}. */
    public static StoryProvider of(final String name, final String domain, final String canonicalUrl) {
        final String fromDomain = keyOf(domain);
        return new StoryProvider(name, domain, fromDomain != null ? fromDomain : keyOf(canonicalUrl));
    }

    /** {@code https://www.Example.com/x} or {@code WWW.example.com.} → {@code example.com}; null when blank. */
    public static String keyOf(final String domainOrUrl) {
        if (domainOrUrl == null) {
            return null;
        }
        String key = domainOrUrl.strip().toLowerCase(Locale.ROOT);
        final int scheme = key.indexOf("://");
        if (scheme >= 0) {
            key = key.substring(scheme + 3);
        }
        for (final char end : new char[] {'/', '?', '#', ':'}) {
            final int index = key.indexOf(end);
            if (index >= 0) {
                key = key.substring(0, index);
            }
        }
        while (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        if (key.startsWith("www.") && key.indexOf('.', 4) > 0) {
            key = key.substring(4);
        }
        return key.isEmpty() ? null : key;
    }
}
