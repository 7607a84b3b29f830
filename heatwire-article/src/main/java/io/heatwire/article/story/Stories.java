package io.heatwire.article.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heatwire.article.identity.StoryIdentity;
import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.Provider;
import io.heatwire.article.parse.RelatedEntry;
import io.heatwire.article.parse.Warning;
import io.heatwire.article.parse.WarningKind;

/** Turns a parsed article into stories (SPEC 6). Pure functions. */
public final class Stories {

    private Stories() {}

    /** {@link #from(ParsedArticle, String, Instant)} without a known content hash or ingestion time. */
    public static List<Story> from(final ParsedArticle article) {
        return from(article, null, null);
    }

    /** {@link #from(ParsedArticle, String, Instant)} without a known ingestion time. */
    public static List<Story> from(final ParsedArticle article, final String contentSha256) {
        return from(article, contentSha256, null);
    }

    /**
     * The ARTICLE story of {@code article} first, then one REFERENCE story per distinct related
     * story, in order of first mention. Related entries that resolve to the article itself (any of
     * its aliases) yield no story and no edge; entries resolving to the same story are merged.
     *
     * @param contentSha256 hex SHA-256 of the document bytes, or null; orders versions in merges
     * @param ingestedAt    when the document was ingested, or null; orders versions in merges
     */
    public static List<Story> from(final ParsedArticle article, final String contentSha256, final Instant ingestedAt) {
        final StoryIdentity identity = StoryIdentity.resolve(
                        article.webUrl(), article.originalUrl(), article.ampWebUrl(), article.cdnAmpWebUrl())
                .orElseThrow(() -> new IllegalArgumentException("article without a usable URL"));
        final SourceVersion version = new SourceVersion(article.publishedAt(), ingestedAt, contentSha256);
        final Set<String> ownIds = new HashSet<>(identity.allIds());

        final List<Warning> warnings = new ArrayList<>(article.warnings());
        final Map<String, Story> references = new LinkedHashMap<>();
        for (int i = 0; i < article.related().size(); i++) {
            final RelatedEntry entry = article.related().get(i);
            // The parser only keeps entries with a usable URL, so resolution cannot fail.
            final StoryIdentity reference = StoryIdentity.resolve(
                            entry.webUrl(), entry.originalUrl(), entry.ampWebUrl(), entry.cdnAmpWebUrl())
                    .orElseThrow();
            if (ownIds.contains(reference.id())) {
                warnings.add(new Warning(
                        WarningKind.RELATED_SELF_REFERENCE,
                        "related[" + i + "]",
                        "related entry is the article itself; ignored"));
                continue;
            }
            references.merge(reference.id(), referenceStory(entry, reference, version), StoryMerge::merge);
        }

        final Story articleStory = new Story(
                identity.id(),
                StoryKind.ARTICLE,
                identity.canonicalUrl(),
                article.url(),
                identity.aliasIds(),
                article.title(),
                article.excerpt(),
                article.category(),
                article.type(),
                article.publishedAt(),
                article.quality(),
                provider(article.provider(), identity.canonicalUrl()),
                article.topics(),
                slugs(article.topics()),
                article.images(),
                new ArrayList<>(references.keySet()),
                warnings,
                article.secured(),
                article.unknownFields(),
                version,
                null);
        final List<Story> stories = new ArrayList<>(references.size() + 1);
        stories.add(articleStory);
        stories.addAll(references.values());
        return stories;
    }

    private static Story referenceStory(
            final RelatedEntry entry, final StoryIdentity identity, final SourceVersion version) {
        return new Story(
                identity.id(),
                StoryKind.REFERENCE,
                identity.canonicalUrl(),
                entry.url(),
                List.of(),
                entry.title(),
                entry.excerpt(),
                null,
                entry.type(),
                entry.publishedAt(),
                entry.quality(),
                provider(entry.provider(), identity.canonicalUrl()),
                List.of(),
                List.of(),
                entry.images(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                version,
                null);
    }

    private static StoryProvider provider(final Provider provider, final String canonicalUrl) {
        return StoryProvider.of(provider.name(), provider.domain(), canonicalUrl);
    }

    private static List<String> slugs(final List<String> topics) {
        final Set<String> slugs = new LinkedHashSet<>();
        for (final String topic : topics) {
            final String slug = NewsTopics.slug(topic);
            if (!slug.isEmpty()) {
                slugs.add(slug);
            }
        }
        return List.copyOf(slugs);
    }
}
