package io.heatwire.corpus;

import java.util.regex.Pattern;

/**
 * What kind of corpus a {@link CorpusPlan} makes, besides its size and seed. {@link #defaults()} is
 * loadgen's corpus, the one the pipeline benchmark measures; {@link #parseBenchmarks()} and
 * {@link #systemTests()} change a few of these.
 *
 * @param related          how many related entries an article lists
 * @param sizes            what makes a document's size
 * @param bridges          which clusters the bridges, the last articles, join
 * @param editPercent      share of the articles, in percent, published once more as an edit: the same
 *                         URLs and publication time, a new title, quality and body, and one more
 *                         related entry (a member of the same cluster) when the article has room
 * @param republishPercent share of the articles published once more with the same bytes (not also
 *                         edited)
 * @param shuffled         whether documents arrive in a seeded random order, each edit and
 *                         re-publication after its first version, instead of in publication order;
 *                         the bridges come last either way
 * @param idNamespace      empty, or a path segment put in front of the path of every story's URL
 *                         ({@code https://example.com/NS/world/...}): every canonical URL, and so every
 *                         story id and document name, differs from those of a corpus without it or with
 *                         another namespace, while the plan (clusters, references, times, texts) stays
 *                         the same; a warm-up corpus published before a measured one uses it
 */
public record CorpusOptions(
        Related related,
        Sizes sizes,
        Bridges bridges,
        int editPercent,
        int republishPercent,
        boolean shuffled,
        String idNamespace) {

    /** Lowercase letters, digits and inner hyphens: a path segment that canonicalization keeps as it is. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final int MAX_NAMESPACE_LENGTH = 32;

    /** How many related entries an article lists: the links that make its cluster and pages of its own. */
    public enum Related {
        /** 0–15, most articles few: the crawl loadgen imitates. */
        MANY,
        /** 1–15, evenly: with {@link Sizes#FRONT_MATTER} the sizes spread evenly over 2–12 KB. */
        EVEN,
        /** The links that make the cluster, and now and then (one in eight) a page of its own. */
        FEW
    }

    /** What makes a document's size. */
    public enum Sizes {
        /** Body text after the front matter, to a size drawn around 5 KB (2–12 KB). */
        BODY_TEXT,
        /** The front matter alone; body text only fills a short document up to 2 KB. */
        FRONT_MATTER
    }

    /** Which clusters the bridges join. */
    public enum Bridges {
        /**
         * The big clusters, pairwise (from 200 articles on): the first bridge also pulls in a cluster
         * of hundreds and the last one joins the first pair again, which must change nothing.
         */
        BIG_CLUSTERS,
        /** Half of all clusters, chosen at random, into one: up to eight clusters a bridge, consecutive bridges sharing one. */
        HALF_OF_ALL_CLUSTERS
    }

    public CorpusOptions {
        if (related == null || sizes == null || bridges == null) {
            throw new IllegalArgumentException("related, sizes and bridges must be given");
        }
        if (editPercent < 0 || republishPercent < 0 || editPercent + republishPercent > 100) {
            throw new IllegalArgumentException(
                    "edit and re-publication shares must be 0–100 together: " + editPercent + " + " + republishPercent);
        }
        if (idNamespace == null) {
            throw new IllegalArgumentException("idNamespace must be given (empty for none)");
        }
        if (!idNamespace.isEmpty()
                && (idNamespace.length() > MAX_NAMESPACE_LENGTH
                        || !NAMESPACE.matcher(idNamespace).matches()
                        // Canonicalization drops an "amp" path segment (AMP twins).
                        || idNamespace.equals("amp"))) {
            throw new IllegalArgumentException("an id namespace is 1–" + MAX_NAMESPACE_LENGTH
                    + " lowercase letters, digits and inner hyphens, not \"amp\": " + idNamespace);
        }
    }

    /** loadgen's corpus: many related entries, body text, big clusters bridged, one version of each article in publication order. */
    public static CorpusOptions defaults() {
        return new CorpusOptions(Related.MANY, Sizes.BODY_TEXT, Bridges.BIG_CLUSTERS, 0, 0, false, "");
    }

    /**
     * The parse and encoding benchmarks' articles: front matter of 2–12 KB, spread evenly, the size
     * coming from 1–15 related entries.
     */
    public static CorpusOptions parseBenchmarks() {
        return defaults().withRelated(Related.EVEN).withSizes(Sizes.FRONT_MATTER);
    }

    /**
     * The system tests' articles: few related entries and short documents (the pipelines' work
     * stays small), 5% edited and 2% re-published, in a shuffled order, and bridges across half
     * the clusters.
     */
    public static CorpusOptions systemTests() {
        return defaults()
                .withRelated(Related.FEW)
                .withSizes(Sizes.FRONT_MATTER)
                .withBridges(Bridges.HALF_OF_ALL_CLUSTERS)
                .withSecondVersions(5, 2)
                .withShuffledArrival();
    }

    public CorpusOptions withRelated(final Related related) {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, shuffled, idNamespace);
    }

    public CorpusOptions withSizes(final Sizes sizes) {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, shuffled, idNamespace);
    }

    public CorpusOptions withBridges(final Bridges bridges) {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, shuffled, idNamespace);
    }

    /** {@code editPercent} of the articles edited, {@code republishPercent} of them published again unchanged. */
    public CorpusOptions withSecondVersions(final int editPercent, final int republishPercent) {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, shuffled, idNamespace);
    }

    /** The same corpus under other URLs: {@code namespace} in front of every path (empty: none). */
    public CorpusOptions withIdNamespace(final String namespace) {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, shuffled, namespace);
    }

    public CorpusOptions withShuffledArrival() {
        return new CorpusOptions(related, sizes, bridges, editPercent, republishPercent, true, idNamespace);
    }
}
