package io.heatwire.enrich.clustering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generated article documents with every case SPEC 5–7 names: related ids that later arrive as
 * articles, syndication (several articles claiming one URL, referenced before and after the claims),
 * REFERENCE stories later claimed as aliases, alias ids that get their own article, edits that add
 * related ids and change figures and publication times, and identical documents published again.
 */
final class Documents {

    private final Random random;
    private long version;

    private Documents(long seed) {
        this.random = new Random(seed);
    }

    /** A random graph of about {@code articles} articles over a pool of ids, in random arrival order. */
    static List<ArticleInput<Figures>> randomGraph(long seed, int articles) {
        return new Documents(seed).graph(articles);
    }

    private List<ArticleInput<Figures>> graph(int articles) {
        final int pool = Math.max(4, articles * 2);
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            ids.add(String.format(Locale.ROOT, "s%03d", i));
        }
        final List<String> urls = new ArrayList<>();
        for (int i = 0; i < Math.max(1, articles / 4); i++) {
            urls.add(String.format(Locale.ROOT, "u%02d", i));
        }
        final List<ArticleInput<Figures>> documents = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            // mostly pool ids (so references become articles), sometimes a syndicated URL itself
            final String id = random.nextInt(12) == 0 ? pick(urls) : pick(ids);
            final Map<String, StoryFacts<Figures>> related = new LinkedHashMap<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                related.put(random.nextInt(5) == 0 ? pick(urls) : pick(ids), reference());
            }
            final Set<String> aliases = new TreeSet<>();
            if (random.nextInt(3) == 0) {
                aliases.add(pick(urls)); // syndication: several articles claim one URL
            }
            if (random.nextInt(8) == 0) {
                aliases.add(pick(ids)); // a pool id, maybe a REFERENCE story already: it retires
            }
            final ArticleInput<Figures> first = new ArticleInput<>(id, article(), related, aliases);
            documents.add(first);
            if (random.nextInt(4) == 0) {
                documents.add(first); // the same document again
            }
            if (random.nextInt(4) == 0) {
                final Map<String, StoryFacts<Figures>> more = new LinkedHashMap<>(related);
                more.put(pick(ids), reference());
                documents.add(new ArticleInput<>(id, article(), more, aliases)); // an edit
            }
        }
        Collections.shuffle(documents, random);
        return documents;
    }

    /**
     * One connected cluster as news builds it: {@code articles} articles in arrival order, each with
     * {@code references} references of its own and one related id among the stories seen before it;
     * publication times follow arrival with some jitter, the first article is the earliest story.
     */
    static List<ArticleInput<Figures>> growingCluster(
            long seed, String prefix, int articles, int references, long firstPublished) {
        return new Documents(seed).cluster(prefix, articles, references, firstPublished, false);
    }

    /**
     * The same graph shape with the articles shuffled: each article's link to an earlier one usually
     * arrives before that article, so many small clusters form and merge (the adversarial order).
     */
    static List<ArticleInput<Figures>> shuffledCluster(
            long seed, String prefix, int articles, int references, long firstPublished) {
        return new Documents(seed).cluster(prefix, articles, references, firstPublished, true);
    }

    private List<ArticleInput<Figures>> cluster(
            String prefix, int articles, int references, long firstPublished, boolean shuffled) {
        final List<ArticleInput<Figures>> documents = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            final long published = a == 0 ? firstPublished : firstPublished + 1 + a * 10L + random.nextInt(50);
            final Map<String, StoryFacts<Figures>> related = new TreeMap<>();
            for (int r = 0; r < references; r++) {
                related.put(
                        String.format(Locale.ROOT, "%s%05d-%d", prefix, a, r),
                        reference(Math.max(firstPublished + 1, published - 40)));
            }
            if (a > 0) {
                final String earlier =
                        shuffled ? articleId(prefix, random.nextInt(a)) : seen.get(random.nextInt(seen.size()));
                related.put(earlier, reference(Math.max(firstPublished + 1, published - 40)));
            }
            documents.add(new ArticleInput<>(articleId(prefix, a), facts(Kind.ARTICLE, published), related, Set.of()));
            seen.add(articleId(prefix, a));
            seen.addAll(related.keySet());
        }
        if (shuffled) {
            Collections.shuffle(documents, random);
        }
        return documents;
    }

    static String articleId(String prefix, int article) {
        return String.format(Locale.ROOT, "%s%05d", prefix, article);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private StoryFacts<Figures> article() {
        return facts(Kind.ARTICLE, random.nextInt(5) == 0 ? null : (long) random.nextInt(30));
    }

    private StoryFacts<Figures> reference() {
        return facts(Kind.REFERENCE, random.nextInt(3) == 0 ? null : (long) random.nextInt(30));
    }

    private StoryFacts<Figures> reference(long notBefore) {
        return facts(Kind.REFERENCE, notBefore + random.nextInt(40));
    }

    private StoryFacts<Figures> facts(Kind kind, Long publishedAt) {
        return new StoryFacts<>(kind, ++version, publishedAt, new Figures(random.nextInt(101), 1 + random.nextInt(50)));
    }

    /** Counts the distinct ids a document set mentions, for reports. */
    static int ids(List<ArticleInput<Figures>> documents) {
        final Map<String, Boolean> seen = new HashMap<>();
        for (ArticleInput<Figures> document : documents) {
            seen.put(document.id(), true);
            document.related().keySet().forEach(id -> seen.put(id, true));
            document.aliases().forEach(id -> seen.put(id, true));
        }
        return seen.size();
    }
}
