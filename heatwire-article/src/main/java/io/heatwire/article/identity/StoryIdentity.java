package io.heatwire.article.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a story is: its canonical URL and id, plus the canonical URLs and ids of every other URL it
 * lists for itself (SPEC 5: web, original, AMP and AMP-cache URLs are aliases of one story).
 *
 * @param canonicalUrl   canonical form of the primary URL
 * @param id             story id of {@code canonicalUrl}
 * @param aliasUrls      canonical URLs of the other listed URLs that differ from {@code canonicalUrl},
 *                       deduplicated, in the order web, original, AMP, AMP cache
 * @param aliasIds       story ids of {@code aliasUrls}, same order
 */
public record StoryIdentity(String canonicalUrl, String id, List<String> aliasUrls, List<String> aliasIds) {

    public StoryIdentity {
        aliasUrls = List.copyOf(aliasUrls);
        aliasIds = List.copyOf(aliasIds);
    }

    /**
     * Resolves the identity from the URLs an article lists for itself. The primary URL is the first
     * usable of {@code webUrl}, {@code originalUrl}, {@code ampWebUrl} (SPEC 4); {@code cdnAmpWebUrl}
     * only ever adds an alias. Empty when none of the first three is usable.
     */
    public static Optional<StoryIdentity> resolve(
            final String webUrl, final String originalUrl, final String ampWebUrl, final String cdnAmpWebUrl) {
        final Set<String> canonical = new LinkedHashSet<>(4);
        String primary = null;
        final String[] listed = {webUrl, originalUrl, ampWebUrl, cdnAmpWebUrl};
        for (int i = 0; i < listed.length; i++) {
            final Optional<String> form = CanonicalUrl.canonicalize(listed[i]);
            if (form.isPresent()) {
                if (primary == null && i < listed.length - 1) {
                    primary = form.get();
                }
                canonical.add(form.get());
            }
        }
        if (primary == null) {
            return Optional.empty();
        }
        canonical.remove(primary);
        final List<String> aliasUrls = new ArrayList<>(canonical);
        final List<String> aliasIds = new ArrayList<>(aliasUrls.size());
        for (final String url : aliasUrls) {
            aliasIds.add(StoryId.of(url));
        }
        return Optional.of(new StoryIdentity(primary, StoryId.of(primary), aliasUrls, aliasIds));
    }

    /** The canonical URL of every listed URL, the primary first. */
    public List<String> allUrls() {
        final List<String> all = new ArrayList<>(aliasUrls.size() + 1);
        all.add(canonicalUrl);
        all.addAll(aliasUrls);
        return all;
    }

    /** The id of every listed URL, the primary first. */
    public List<String> allIds() {
        final List<String> all = new ArrayList<>(aliasIds.size() + 1);
        all.add(id);
        all.addAll(aliasIds);
        return all;
    }
}
