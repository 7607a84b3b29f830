package io.heatwire.corpus;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The URLs a story is known by on the web: its page, the AMP twin, the AMP-cache copy, and the
 * variants crawlers pick up (tracking parameters, http, {@code www.} or not, fragments, upper-case
 * hosts). Every one of them canonicalizes to the story's canonical URL; {@link DocumentRenderer}
 * checks that for each URL it writes.
 */
final class UrlForms {

    /** What a related entry gives for its story: {@code webUrl} and {@code ampWebUrl}, either may be null. */
    record Reference(String webUrl, String ampWebUrl) {}

    private static final String[] CLICK_IDS = {"fbclid", "gclid", "ocid", "mc_cid", "mc_eid", "cmpid"};
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private UrlForms() {}

    static String web(final Vocabulary.Provider provider, final String path) {
        return "https://" + provider.host() + path;
    }

    /** The AMP twin of the page, or null when the provider has none. */
    static String amp(final Vocabulary.Provider provider, final String path) {
        final String web = web(provider, path);
        return switch (provider.ampStyle()) {
            case PATH_SEGMENT -> "https://" + provider.host() + "/amp" + path;
            case AMP_HTML -> web.substring(0, web.length() - ".html".length()) + ".amp.html";
            case QUERY_FLAG -> web + "?amp";
            case QUERY_ONE -> web + "?amp=1";
            case OUTPUT_TYPE -> web + "?outputType=amp";
            case NONE -> null;
        };
    }

    /**
     * The Google AMP-cache URL of an https AMP page:
     * {@code https://www-example-com.cdn.ampproject.org/c/s/www.example.com/x}.
     */
    static String ampCache(final String ampUrl) {
        final String withoutScheme = ampUrl.substring("https://".length());
        final int slash = withoutScheme.indexOf('/');
        final String host = slash < 0 ? withoutScheme : withoutScheme.substring(0, slash);
        final String cacheHost = host.replace("-", "--").replace('.', '-') + ".cdn.ampproject.org";
        return "https://" + cacheHost + "/c/s/" + withoutScheme;
    }

    /** The page with the tracking parameters a feed adds. */
    static String fromFeed(final Vocabulary.Provider provider, final String path, final SplittableRandom random) {
        return web(provider, path) + "?utm_source="
                + Vocabulary.UTM_SOURCES.get(random.nextInt(Vocabulary.UTM_SOURCES.size()))
                + "&utm_medium=referral&utm_campaign=" + Vocabulary.word(random);
    }

    /** How another article happens to cite the story. */
    static Reference reference(final Vocabulary.Provider provider, final String path, final SplittableRandom random) {
        final String amp = amp(provider, path);
        final int draw = random.nextInt(100);
        if (draw < 35) {
            return new Reference(web(provider, path), null);
        }
        if (draw < 50) {
            return new Reference(fromFeed(provider, path, random), null);
        }
        if (draw < 55) {
            final String name = CLICK_IDS[random.nextInt(CLICK_IDS.length)];
            return new Reference(web(provider, path) + "?" + name + "=" + token(random, 24), null);
        }
        if (draw < 60) {
            return new Reference("http://" + provider.host() + path, null);
        }
        if (draw < 65 && !provider.htmlPages()) {
            return new Reference(web(provider, path) + "/", null);
        }
        if (draw < 70) {
            final String host = provider.www() ? provider.domain() : "www." + provider.domain();
            return new Reference("https://" + host + path, null);
        }
        if (draw < 80 && amp != null) {
            return new Reference(amp, null);
        }
        if (draw < 85 && amp != null) {
            return new Reference(ampCache(amp), null);
        }
        if (draw < 90) {
            return new Reference(web(provider, path) + "#comments", null);
        }
        if (draw < 95 && amp != null) {
            // No webUrl at all: the AMP page is the entry's only URL.
            return new Reference(null, amp);
        }
        if (draw >= 95) {
            return new Reference("HTTPS://" + provider.host().toUpperCase(Locale.ROOT) + path, null);
        }
        return new Reference(web(provider, path), null);
    }

    static String token(final SplittableRandom random, final int length) {
        final StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }
}
