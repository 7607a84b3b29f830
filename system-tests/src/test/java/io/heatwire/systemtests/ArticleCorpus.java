package io.heatwire.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated article documents (YAML front matter, as crawlers write them) whose related
 * references form clusters of varied sizes, in a seeded random publishing order.
 *
 * <p>Besides one version of each article the stream holds edits (a later version of the same
 * article: new title and quality, one more related entry), exact re-publications, AMP URLs that
 * other articles refer to (alias claims) and references to pages that are never published
 * themselves (REFERENCE stories). {@link #bridges()} are articles published afterwards that join
 * half of the clusters into one.
 */
final class ArticleCorpus {

    /** One raw record: the source id it is keyed by and the document bytes. */
    record Document(String key, byte[] value) {}

    private static final List<String> TOPICS = List.of(
            "Computer Vision",
            "AI",
            "Climate",
            "Energy",
            "Elections",
            "Football",
            "Markets",
            "Public Health",
            "Space",
            "Privacy");
    private static final int PROVIDERS = 12;
    private static final Instant FIRST_PUBLISHED = Instant.parse("2024-05-01T00:00:00Z");
    /** Clusters a bridge article joins; consecutive bridges share one, so all of them end up in one cluster. */
    private static final int CLUSTERS_PER_BRIDGE = 8;
    /** A top-level {@code webUrl} in double quotes: unindented in YAML, a quoted key at a line's start in JSON. */
    private static final Pattern WEB_URL = Pattern.compile("(?m)^(?:webUrl|\\s*\"webUrl\"):\\s*\"([^\"]+)\"");

    private final List<Document> documents;
    private final List<Document> bridges;
    private final int clusters;
    private final int largestCluster;

    private ArticleCorpus(List<Document> documents, List<Document> bridges, int clusters, int largestCluster) {
        this.documents = List.copyOf(documents);
        this.bridges = List.copyOf(bridges);
        this.clusters = clusters;
        this.largestCluster = largestCluster;
    }

    static ArticleCorpus generate(int articles, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<List<Article>> clusters = new ArrayList<>();
        int next = 0;
        while (next < articles) {
            final int size = Math.min(articles - next, clusterSize(random));
            final List<Article> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                members.add(Article.random(next++, clusters.size(), m, random));
            }
            link(members, clusters.size(), random);
            clusters.add(members);
        }

        // Each document gets a random place in the stream; an edit or a re-publication comes after
        // the version it replaces, so it is the later ingestion.
        final List<Placed> placed = new ArrayList<>();
        for (List<Article> members : clusters) {
            for (Article article : members) {
                final double first = random.nextDouble();
                placed.add(new Placed(first, article.document(false)));
                final int roll = random.nextInt(100);
                if (roll < 5) {
                    article.edit(members, random);
                    placed.add(new Placed(first + (1 - first) * random.nextDouble(), article.document(true)));
                } else if (roll < 7) {
                    placed.add(new Placed(first + (1 - first) * random.nextDouble(), article.document(false)));
                }
            }
        }
        placed.sort(Comparator.comparingDouble(Placed::at));

        return new ArticleCorpus(
                placed.stream().map(Placed::document).toList(),
                bridges(clusters, random),
                clusters.size(),
                clusters.stream().mapToInt(List::size).max().orElse(0));
    }

    /**
     * The {@code webUrl} of a document in the seeds' format, bare YAML or JSON: the URL of the story
     * it becomes. Fails, naming the document, when it has none in double quotes.
     */
    static String webUrl(String name, byte[] document) {
        final Matcher url = WEB_URL.matcher(new String(document, StandardCharsets.UTF_8));
        if (!url.find()) {
            throw new IllegalArgumentException("no webUrl in " + name);
        }
        return url.group(1);
    }

    /** Lowercase hex SHA-256 of a document, as a crawler's {@code content-sha256} header carries it. */
    static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The articles, their edits and re-publications, in publishing order. */
    List<Document> documents() {
        return documents;
    }

    /** Articles that each refer to members of several clusters: publishing them merges half the clusters. */
    List<Document> bridges() {
        return bridges;
    }

    int clusters() {
        return clusters;
    }

    int largestCluster() {
        return largestCluster;
    }

    /** Mostly small clusters, some of tens of articles, a few of about a hundred. */
    private static int clusterSize(SplittableRandom random) {
        final int roll = random.nextInt(100);
        if (roll < 60) {
            return 1 + random.nextInt(4);
        }
        if (roll < 92) {
            return 5 + random.nextInt(20);
        }
        return 25 + random.nextInt(100);
    }

    /**
     * Every article after the first refers to an earlier one, so the cluster is connected whatever
     * arrives first; some refer to one more member, to a member's AMP URL (an alias of that member)
     * or to a page of the cluster that is never published.
     */
    private static void link(List<Article> members, int cluster, SplittableRandom random) {
        for (int m = 1; m < members.size(); m++) {
            final Article article = members.get(m);
            final Article earlier = members.get(random.nextInt(m));
            article.related.add(earlier.ampUrl != null && random.nextInt(3) == 0 ? earlier.ampUrl : earlier.url);
            if (members.size() > 2 && random.nextInt(10) < 3) {
                final Article other = members.get(random.nextInt(members.size()));
                if (other != article) {
                    article.related.add(other.url);
                }
            }
            if (random.nextInt(8) == 0) {
                article.related.add("https://wire.example/c" + cluster + "/background-" + random.nextInt(2));
            }
        }
    }

    private static List<Document> bridges(List<List<Article>> clusters, SplittableRandom random) {
        final List<Integer> joined = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            joined.add(c);
        }
        for (int i = joined.size() - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            joined.set(j, joined.set(i, joined.get(j)));
        }
        final List<Integer> half = joined.subList(0, Math.max(2, joined.size() / 2));
        final List<Document> bridges = new ArrayList<>();
        for (int start = 0; start < half.size() - 1; start += CLUSTERS_PER_BRIDGE - 1) {
            final List<String> related = new ArrayList<>();
            for (int c : half.subList(start, Math.min(half.size(), start + CLUSTERS_PER_BRIDGE))) {
                final List<Article> members = clusters.get(c);
                related.add(members.get(random.nextInt(members.size())).url);
            }
            final int number = bridges.size();
            final String text = "---\n"
                    + "title: \"Roundup " + number + ": how these stories connect\"\n"
                    + "webUrl: \"https://roundup.example/" + number + "\"\n"
                    + "publishedDateTime: "
                    + FIRST_PUBLISHED.plus(Duration.ofDays(60)).plusSeconds(number) + "\n"
                    + "quality: " + random.nextInt(101) + "\n"
                    + "provider:\n  name: \"Roundup\"\n  domain: \"roundup.example\"\n"
                    + relatedYaml(related)
                    + "---\nRoundup body.\n";
            bridges.add(new Document("roundup/" + number, text.getBytes(StandardCharsets.UTF_8)));
        }
        return bridges;
    }

    private static String relatedYaml(List<String> urls) {
        if (urls.isEmpty()) {
            return "";
        }
        final StringBuilder yaml = new StringBuilder("related:\n");
        for (String url : urls) {
            yaml.append("  - title: \"Related: ")
                    .append(url.substring(url.indexOf("//") + 2))
                    .append("\"\n")
                    .append("    webUrl: \"")
                    .append(url)
                    .append("\"\n");
        }
        return yaml.toString();
    }

    private record Placed(double at, Document document) {}

    /** An article as generated; an edit changes its title, quality and related entries. */
    private static final class Article {

        private final int number;
        private final int provider;
        private final String url;
        private final String ampUrl;
        private final Instant published;
        private final List<String> topics;
        private final TreeSet<String> related = new TreeSet<>();
        private Integer quality;
        private String title;

        private Article(
                int number,
                int provider,
                String url,
                String ampUrl,
                Instant published,
                List<String> topics,
                Integer quality,
                String title) {
            this.number = number;
            this.provider = provider;
            this.url = url;
            this.ampUrl = ampUrl;
            this.published = published;
            this.topics = topics;
            this.quality = quality;
            this.title = title;
        }

        static Article random(int number, int cluster, int member, SplittableRandom random) {
            final int provider = random.nextInt(PROVIDERS);
            final String path = "/c" + cluster + "/story-" + number;
            final List<String> topics = new ArrayList<>();
            for (String topic : TOPICS) {
                if (random.nextInt(TOPICS.size()) < 2) {
                    topics.add(topic);
                }
            }
            return new Article(
                    number,
                    provider,
                    "https://news-" + provider + ".example" + path,
                    random.nextInt(10) == 0 ? "https://news-" + provider + ".example/amp" + path : null,
                    FIRST_PUBLISHED.plus(Duration.ofMinutes(37L * cluster + 3L * member + random.nextInt(3))),
                    topics,
                    random.nextInt(5) == 0 ? null : random.nextInt(101),
                    "Story " + number + " of cluster " + cluster);
        }

        void edit(List<Article> members, SplittableRandom random) {
            title = title + " (updated)";
            quality = random.nextInt(101);
            final Article other = members.get(random.nextInt(members.size()));
            if (other != this) {
                related.add(other.url);
            }
        }

        Document document(boolean edited) {
            final StringBuilder text = new StringBuilder("---\n")
                    .append("title: \"")
                    .append(title)
                    .append("\"\n")
                    .append("webUrl: \"")
                    .append(url)
                    .append("\"\n");
            if (ampUrl != null) {
                text.append("ampWebUrl: \"").append(ampUrl).append("\"\n");
            }
            text.append("publishedDateTime: ").append(published).append('\n');
            if (quality != null) {
                text.append("quality: ").append(quality).append('\n');
            }
            text.append("provider:\n  name: \"News ")
                    .append(provider)
                    .append("\"\n  domain: \"news-")
                    .append(provider)
                    .append(".example\"\n");
            if (!topics.isEmpty()) {
                text.append("topics:\n");
                topics.forEach(topic -> text.append("  - \"").append(topic).append("\"\n"));
            }
            text.append(relatedYaml(new ArrayList<>(related)))
                    .append("---\n")
                    .append(edited ? "Updated body of story " : "Body of story ")
                    .append(number)
                    .append(".\n");
            return new Document("crawler/story-" + number, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
