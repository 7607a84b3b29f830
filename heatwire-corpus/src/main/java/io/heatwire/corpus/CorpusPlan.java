package io.heatwire.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.heatwire.article.identity.CanonicalUrl;
import io.heatwire.article.identity.StoryId;

/**
 * Everything about a corpus except its bytes: which stories exist, who publishes them when, who
 * references whom, and in which order the documents arrive. Documents are rendered from it one at a
 * time ({@link DocumentRenderer}), so a million documents never sit in memory together; only a few
 * arrays per story do.
 *
 * <p>Stories {@code 0..count-1} are the articles, in publication order; stories from {@code count}
 * on are reference-only stories, named by a related entry but never published as a document. The
 * cluster structure is planned: articles are dealt into clusters (many small, some of hundreds, a
 * few of thousands, scaled down for small corpora), each cluster's articles reference earlier
 * articles of the same cluster (a spanning tree plus a few extra edges) and stories of their own,
 * and the last articles are bridges that merge clusters ({@link CorpusOptions.Bridges}). What the
 * clusters turn out to be is computed from the references by {@link ExpectedStructure}, never
 * assumed from this plan.
 *
 * <p>Documents are the articles' versions: by default one per article, in publication order;
 * {@link CorpusOptions} may add edits and re-publications and shuffle the arrival order. The bridges
 * are always the last documents.
 */
public final class CorpusPlan {

    public static final int MAX_COUNT = 2_000_000;
    static final int MAX_RELATED = 15;

    /** Publication times start here and spread over three weeks; bridges follow. */
    static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

    static final int WINDOW_SECONDS = 21 * 24 * 3600;

    private static final long PLAN_STREAM = 1;
    private static final long STORY_STREAM = 2;
    private static final long DOCUMENT_STREAM = 3;
    private static final long EXCERPT_STREAM = 4;
    private static final long BRIDGE_STREAM = 5;
    private static final long VERSION_STREAM = 6;
    private static final long ORDER_STREAM = 7;
    private static final long EDIT_STREAM = 8;

    /** Clusters a {@link CorpusOptions.Bridges#HALF_OF_ALL_CLUSTERS} bridge joins at most. */
    private static final int CLUSTERS_PER_BRIDGE = 8;

    private static final byte FIRST = 0;
    private static final byte EDIT = 1;
    private static final byte REPUBLISHED = 2;

    /** Bits of a document's sort key that hold its slot (versions before shuffling; 4,000,000 at most). */
    private static final int SLOT_BITS = 23;

    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

    /** Weights of 0..15 related entries per document. */
    private static final int[] RELATED_WEIGHTS = {12, 10, 12, 12, 11, 9, 8, 6, 5, 4, 3, 2, 2, 2, 2, 2};

    private static final int SMALL = 0;
    private static final int MEDIUM = 1;
    private static final int BIG = 2;

    private final long seed;
    private final int count;
    private final CorpusOptions options;
    private final int regularCount;
    private final int storyCount;

    // Per story.
    private final int[] provider;
    private final int[] time;
    private final byte[] quality;
    private final long[] idHigh;
    private final long[] idLow;

    // Per article.
    private final int[][] articleRefs;
    private final int[] refOnlyStart;
    private final short[] topicFirst;
    private final short[] topicSecond;
    /** Per article, when some are published twice: {@link #EDIT}, {@link #REPUBLISHED} or {@link #FIRST} (once). */
    private final byte[] secondVersion;
    /** Per article: the related entry its edit adds, or -1. */
    private final int[] editRef;

    private final byte[] editQuality;

    // Per document, when documents are not simply the articles in order: its article and version.
    private final int documentCount;
    private final int[] documentArticle;
    private final byte[] documentVersion;

    private final int bigClusters;
    private final int mediumClusters;
    private final int smallClusters;

    private CorpusPlan(final long seed, final int count, final CorpusOptions options) {
        this.seed = seed;
        this.count = count;
        this.options = options;
        final SplittableRandom random = stream(seed, PLAN_STREAM, 0);
        final boolean bigBridges = options.bridges() == CorpusOptions.Bridges.BIG_CLUSTERS;

        // How many clusters of each kind, in articles.
        final int big = count >= 200 ? Math.max(2, count / 25_000) : 0;
        int bridges = bigBridges && big >= 2 ? big / 2 + 1 : 0;
        final int laidOut = count - bridges;
        final IntList sizes = new IntList();
        final IntList kinds = new IntList();
        int assigned = 0;
        if (big > 0) {
            final int bigMean = Math.max(2, laidOut * 12 / 100 / big);
            for (int i = 0; i < big; i++) {
                final int size = Math.max(2, (int) Math.round(bigMean * (0.6 + 0.8 * random.nextDouble())));
                assigned += add(sizes, kinds, BIG, Math.min(size, laidOut - assigned));
            }
            final int mediumHigh = Math.max(10, Math.min(900, count / 100));
            final int mediumLow = Math.max(5, mediumHigh / 9);
            final int mediumTotal = assigned + laidOut * 15 / 100;
            while (assigned < Math.min(mediumTotal, laidOut)) {
                final int size = mediumLow + random.nextInt(mediumHigh - mediumLow + 1);
                assigned += add(sizes, kinds, MEDIUM, Math.min(size, laidOut - assigned));
            }
        }
        final Zipf smallSizes = new Zipf(30, 2.0);
        while (assigned < laidOut) {
            assigned += add(sizes, kinds, SMALL, Math.min(1 + smallSizes.next(random), laidOut - assigned));
        }
        if (!bigBridges) {
            // How many bridges half the clusters need is known only now: their articles come off the
            // last clusters dealt.
            bridges = halfBridges(sizes.size());
            removeLast(sizes, kinds, bridges);
        }
        regularCount = count - bridges;
        final int clusters = sizes.size();
        int bigSeen = 0;
        int mediumSeen = 0;
        for (int c = 0; c < clusters; c++) {
            bigSeen += kinds.get(c) == BIG ? 1 : 0;
            mediumSeen += kinds.get(c) == MEDIUM ? 1 : 0;
        }
        bigClusters = bigSeen;
        mediumClusters = mediumSeen;
        smallClusters = clusters - bigSeen - mediumSeen;

        // When: each cluster lives for a while; documents are in publication order.
        final long[] keys = new long[regularCount];
        final short[] clusterTopic = new short[clusters];
        final Zipf topics = new Zipf(Vocabulary.TOPICS.size(), 1.0);
        int at = 0;
        for (int c = 0; c < clusters; c++) {
            final int span = switch (kinds.get(c)) {
                case BIG -> (10 + random.nextInt(12)) * 24 * 3600;
                case MEDIUM -> (2 + random.nextInt(6)) * 24 * 3600;
                default -> 3600 + random.nextInt(47 * 3600);
            };
            final int start = random.nextInt(WINDOW_SECONDS - Math.min(span, WINDOW_SECONDS - 1));
            clusterTopic[c] = (short) topics.next(random);
            for (int position = 0; position < sizes.get(c); position++) {
                final long seconds = start + random.nextInt(Math.min(span, WINDOW_SECONDS - start));
                keys[at++] = seconds << 42 | (long) c << 21 | position;
            }
        }
        Arrays.sort(keys);
        final int[] clusterOf = new int[regularCount];
        final int[] positionOf = new int[regularCount];
        final int[][] members = new int[clusters][];
        for (int c = 0; c < clusters; c++) {
            members[c] = new int[sizes.get(c)];
        }
        final int[] filled = new int[clusters];
        final int[] articleTime = new int[count];
        for (int a = 0; a < regularCount; a++) {
            final int c = (int) (keys[a] >>> 21 & 0x1F_FFFF);
            clusterOf[a] = c;
            positionOf[a] = filled[c];
            members[c][filled[c]++] = a;
            articleTime[a] = (int) (keys[a] >>> 42);
        }
        for (int b = 0; b < bridges; b++) {
            articleTime[regularCount + b] = WINDOW_SECONDS + 900 * (b + 1);
        }

        // Who references whom.
        articleRefs = new int[count][];
        refOnlyStart = new int[count + 1];
        final int[] refOnlyCount = new int[count];
        final int[][] halfJoins =
                bigBridges ? null : halfOfAllClusters(clusters, bridges, stream(seed, BRIDGE_STREAM, 0));
        int nextStory = count;
        for (int a = 0; a < count; a++) {
            final IntList refs = new IntList();
            if (a < regularCount) {
                final int[] cluster = members[clusterOf[a]];
                final int position = positionOf[a];
                if (position > 0) {
                    // Half the articles follow the story's first report, the others any earlier one.
                    refs.add(random.nextBoolean() ? cluster[0] : cluster[random.nextInt(position)]);
                }
                if (position > 1 && random.nextInt(4) == 0) {
                    final int extras = 1 + random.nextInt(2);
                    for (int e = 0; e < extras; e++) {
                        final int earlier = cluster[random.nextInt(position)];
                        final int target = random.nextInt(5) < 2 && refOnlyCount[earlier] > 0
                                ? refOnlyStart[earlier] + random.nextInt(refOnlyCount[earlier])
                                : earlier;
                        refs.addIfAbsent(target);
                    }
                }
                refOnlyCount[a] = ownPages(options.related(), refs.size(), random);
            } else if (bigBridges) {
                bridgeTargets(a - regularCount, bridges, kinds, members, random, refs);
                refOnlyCount[a] = 1 + random.nextInt(3);
            } else {
                for (final int c : halfJoins[a - regularCount]) {
                    refs.add(pick(members[c], random));
                }
                refOnlyCount[a] = 1 + random.nextInt(3);
            }
            articleRefs[a] = refs.toArray();
            refOnlyStart[a] = nextStory;
            nextStory += refOnlyCount[a];
        }
        refOnlyStart[count] = nextStory;
        storyCount = nextStory;

        // Second versions: an edit adds a link within its cluster, so the clusters stay the same.
        final boolean twice = options.editPercent() + options.republishPercent() > 0;
        secondVersion = twice ? new byte[count] : null;
        editRef = twice ? new int[count] : null;
        editQuality = twice ? new byte[count] : null;
        int seconds = 0;
        if (twice) {
            Arrays.fill(editRef, -1);
            final SplittableRandom versions = stream(seed, VERSION_STREAM, 0);
            for (int a = 0; a < regularCount; a++) {
                final int roll = versions.nextInt(100);
                if (roll < options.editPercent()) {
                    secondVersion[a] = EDIT;
                    editQuality[a] = quality(versions);
                    final int other = pick(members[clusterOf[a]], versions);
                    if (other != a
                            && Arrays.stream(articleRefs[a]).noneMatch(ref -> ref == other)
                            && articleRefs[a].length + refOnlyCount[a] < MAX_RELATED) {
                        editRef[a] = other;
                    }
                    seconds++;
                } else if (roll < options.editPercent() + options.republishPercent()) {
                    secondVersion[a] = REPUBLISHED;
                    seconds++;
                }
            }
        }
        documentCount = count + seconds;
        if (twice || options.shuffled()) {
            documentArticle = new int[documentCount];
            documentVersion = new byte[documentCount];
            arrange(regularCount, seconds);
        } else {
            documentArticle = null;
            documentVersion = null;
        }

        // What each story is: provider, time, quality, topics.
        provider = new int[storyCount];
        time = new int[storyCount];
        quality = new byte[storyCount];
        topicFirst = new short[count];
        topicSecond = new short[count];
        final SplittableRandom attributes = stream(seed, PLAN_STREAM, 1);
        final Zipf providers = new Zipf(Vocabulary.PROVIDER_COUNT, 1.1);
        for (int a = 0; a < count; a++) {
            provider[a] = providers.next(attributes);
            time[a] = articleTime[a];
            quality[a] = quality(attributes);
            final short main = a < regularCount ? clusterTopic[clusterOf[a]] : (short) topics.next(attributes);
            topicFirst[a] = attributes.nextInt(100) < 85 ? main : (short) topics.next(attributes);
            final short second = (short) topics.next(attributes);
            topicSecond[a] = attributes.nextInt(100) < 40 && second != topicFirst[a] ? second : -1;
            for (int s = refOnlyStart[a]; s < refOnlyStart[a + 1]; s++) {
                provider[s] = providers.next(attributes);
                time[s] = articleTime[a] - 600 - attributes.nextInt(7 * 24 * 3600);
                quality[s] = quality(attributes);
            }
        }

        // Ids with enrich-service's own rules.
        idHigh = new long[storyCount];
        idLow = new long[storyCount];
        for (int s = 0; s < storyCount; s++) {
            final String canonical = canonicalUrl(s);
            if (!CanonicalUrl.canonicalize(canonical).orElse("").equals(canonical)) {
                throw new IllegalStateException("not a canonical URL: " + canonical);
            }
            final String id = StoryId.of(canonical);
            idHigh[s] = Long.parseUnsignedLong(id, 0, 16, 16);
            idLow[s] = Long.parseUnsignedLong(id, 16, 32, 16);
        }
    }

    /** loadgen's plan of {@code count} articles for {@code seed}; the same arguments give the same plan. */
    public static CorpusPlan create(final int count, final long seed) {
        return create(count, seed, CorpusOptions.defaults());
    }

    /** The plan of {@code count} articles (bridges included) for {@code seed}; the same arguments give the same plan. */
    public static CorpusPlan create(final int count, final long seed, final CorpusOptions options) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ": " + count);
        }
        return new CorpusPlan(seed, count, options);
    }

    public long seed() {
        return seed;
    }

    /** Articles, bridges included; with the default options also the number of documents. */
    public int count() {
        return count;
    }

    public CorpusOptions options() {
        return options;
    }

    /** Articles before the bridges; the bridges are articles {@code regularCount..count-1}. */
    public int regularCount() {
        return regularCount;
    }

    public int storyCount() {
        return storyCount;
    }

    public int bigClusters() {
        return bigClusters;
    }

    public int mediumClusters() {
        return mediumClusters;
    }

    public int smallClusters() {
        return smallClusters;
    }

    /** Documents: every article once, plus the edits and re-publications. */
    public int documentCount() {
        return documentCount;
    }

    /** The first of the bridges' documents, which are the last ones. */
    public int firstBridgeDocument() {
        return documentCount - (count - regularCount);
    }

    /** The article document {@code document} is a version of. */
    public int article(final int document) {
        return documentArticle == null ? document : documentArticle[document];
    }

    /** Whether document {@code document} is its article's edit (a re-publication repeats the first version's bytes). */
    boolean isEdit(final int document) {
        return documentVersion != null && documentVersion[document] == EDIT;
    }

    /** The related entry an edit of {@code article} adds, or -1 (none, or the article has no edit). */
    int editRef(final int article) {
        return editRef == null ? -1 : editRef[article];
    }

    /** The quality the edit of {@code article} gives, or null when it leaves it out. */
    Integer editedQuality(final int article) {
        return editQuality[article] < 0 ? null : (int) editQuality[article];
    }

    boolean isBridge(final int article) {
        return article >= regularCount;
    }

    /** Other articles and earlier reference-only stories that {@code article} references. */
    int[] articleRefs(final int article) {
        return articleRefs[article].clone();
    }

    /** The reference-only stories {@code article} names: {@code [refOnlyStart, refOnlyEnd)}. */
    int refOnlyStart(final int article) {
        return refOnlyStart[article];
    }

    int refOnlyEnd(final int article) {
        return refOnlyStart[article + 1];
    }

    Vocabulary.Provider provider(final int story) {
        return Vocabulary.provider(provider[story]);
    }

    public Instant publishedAt(final int story) {
        return START.plusSeconds(time[story]);
    }

    /** 0–100, or null when the document leaves it out. */
    Integer quality(final int story) {
        return quality[story] < 0 ? null : (int) quality[story];
    }

    String topic(final int article, final int which) {
        final short topic = which == 0 ? topicFirst[article] : topicSecond[article];
        return topic < 0 ? null : Vocabulary.TOPICS.get(topic);
    }

    /** The story id enrich-service gives the story (the hash of its canonical URL). */
    public String id(final int story) {
        return toHex(idHigh[story], idLow[story]);
    }

    /**
     * Whether story {@code a} comes before story {@code b} in the order that names clusters (SPEC 7):
     * the earlier publication time, then the smaller id. Every story here has a publication time.
     */
    boolean earlier(final int a, final int b) {
        final int time = Long.compare(this.time[a], this.time[b]);
        return time < 0 || time == 0 && idLess(a, b);
    }

    /** Whether story {@code a}'s id sorts before story {@code b}'s (as the lowercase hex strings do). */
    boolean idLess(final int a, final int b) {
        final int high = Long.compareUnsigned(idHigh[a], idHigh[b]);
        return high < 0 || high == 0 && Long.compareUnsigned(idLow[a], idLow[b]) < 0;
    }

    /** The story's title, the same wherever the story appears. */
    String title(final int story) {
        final SplittableRandom random = storyRandom(story);
        return Vocabulary.title(random, 6 + random.nextInt(8));
    }

    /** An excerpt of the story; its length varies with where it is quoted. */
    String excerpt(final int story, final int words) {
        return Vocabulary.text(stream(seed, EXCERPT_STREAM, story), words);
    }

    /**
     * The path of the story's page on its provider's site, unique per story; behind the id namespace
     * when the options give one.
     */
    String path(final int story) {
        final SplittableRandom random = storyRandom(story);
        final String title = Vocabulary.title(random, 6 + random.nextInt(8));
        final String section = Vocabulary.SECTIONS.get(random.nextInt(Vocabulary.SECTIONS.size()));
        final Vocabulary.Provider site = provider(story);
        final StringBuilder path = new StringBuilder(96);
        if (!options.idNamespace().isEmpty()) {
            // One segment more than any path of the same site without a namespace, and a different
            // first segment from any other namespace's: the canonical URLs never meet.
            path.append('/').append(options.idNamespace());
        }
        path.append('/').append(section);
        if (site.datedPaths()) {
            final LocalDate date = LocalDate.ofInstant(publishedAt(story), ZoneOffset.UTC);
            path.append('/')
                    .append(date.getYear())
                    .append('/')
                    .append(twoDigits(date.getMonthValue()))
                    .append('/')
                    .append(twoDigits(date.getDayOfMonth()));
        }
        // The story number makes the path unique: a slug never ends in a hyphen and a number.
        path.append('/').append(Vocabulary.slug(title)).append('-').append(Integer.toString(story, 36));
        if (site.htmlPages()) {
            path.append(".html");
        }
        return path.toString();
    }

    /** The story's canonical URL: the {@code url} enrich-service gives it, whichever form a document uses. */
    public String canonicalUrl(final int story) {
        return "https://" + provider(story).domain() + path(story);
    }

    /** The random stream of one version of an article: rendering it twice gives the same bytes. */
    SplittableRandom documentRandom(final int article, final boolean edit) {
        return stream(seed, edit ? EDIT_STREAM : DOCUMENT_STREAM, article);
    }

    private SplittableRandom storyRandom(final int story) {
        return stream(seed, STORY_STREAM, story);
    }

    private void bridgeTargets(
            final int bridge,
            final int bridges,
            final IntList kinds,
            final int[][] members,
            final SplittableRandom random,
            final IntList refs) {
        final IntList big = new IntList();
        final IntList medium = new IntList();
        for (int c = 0; c < kinds.size(); c++) {
            if (kinds.get(c) == BIG) {
                big.add(c);
            } else if (kinds.get(c) == MEDIUM) {
                medium.add(c);
            }
        }
        // Bridge i joins big clusters 2i and 2i+1; the first also pulls in a medium cluster; the last
        // joins the first pair again, which must change nothing.
        final int pair = bridge == bridges - 1 ? 0 : bridge;
        refs.add(pick(members[big.get(2 * pair)], random));
        refs.add(pick(members[big.get(2 * pair + 1)], random));
        if (bridge == 0 && bridges > 1 && medium.size() > 0) {
            refs.add(pick(members[medium.get(0)], random));
        }
    }

    /**
     * Lays out the documents: each regular article's first version and its second, if any, then the
     * bridges. In publication order a second version follows its first at once; shuffled, every
     * version gets a random place, a second one after its first.
     */
    private void arrange(final int regular, final int seconds) {
        final int versions = regular + seconds;
        final long[] places = new long[versions];
        final SplittableRandom order = stream(seed, ORDER_STREAM, 0);
        int slot = 0;
        for (int a = 0; a < regular; a++) {
            final double first = options.shuffled() ? order.nextDouble() : 0;
            places[slot] = place(first, slot);
            documentArticle[slot] = a;
            documentVersion[slot++] = FIRST;
            if (secondVersion != null && secondVersion[a] != FIRST) {
                final double second = options.shuffled() ? first + (1 - first) * order.nextDouble() : 0;
                places[slot] = place(second, slot);
                documentArticle[slot] = a;
                documentVersion[slot++] = secondVersion[a] == EDIT ? EDIT : FIRST;
            }
        }
        if (options.shuffled()) {
            Arrays.sort(places);
            final int[] articles = documentArticle.clone();
            final byte[] kinds = documentVersion.clone();
            for (int d = 0; d < versions; d++) {
                final int from = (int) (places[d] & SLOT_MASK);
                documentArticle[d] = articles[from];
                documentVersion[d] = kinds[from];
            }
        }
        for (int b = 0; b < count - regular; b++) {
            documentArticle[versions + b] = regular + b;
            documentVersion[versions + b] = FIRST;
        }
    }

    /** A sort key: the place in [0, 1) to 40 bits, then the slot, so that equal places keep slot order. */
    private static long place(final double at, final int slot) {
        return (long) (at * (1L << 40)) << SLOT_BITS | slot;
    }

    /** The own pages an article lists besides its {@code links} to other stories of its cluster. */
    private static int ownPages(final CorpusOptions.Related related, final int links, final SplittableRandom random) {
        return switch (related) {
            case MANY -> Math.max(0, relatedCount(random) - links);
            case EVEN -> Math.max(0, 1 + random.nextInt(MAX_RELATED) - links);
            case FEW -> random.nextInt(8) == 0 ? 1 : 0;
        };
    }

    /** Clusters that half of {@code clusters} are (at least two), and the bridges that chain them. */
    private static int halfBridges(final int clusters) {
        final int joined = clusters < 2 ? 0 : Math.max(2, clusters / 2);
        return joined == 0 ? 0 : (joined - 1 + CLUSTERS_PER_BRIDGE - 2) / (CLUSTERS_PER_BRIDGE - 1);
    }

    /**
     * The clusters each bridge joins: a random half of them, in runs of up to eight, each run
     * starting with the last cluster of the one before, so that together they make one cluster.
     */
    private static int[][] halfOfAllClusters(final int clusters, final int bridges, final SplittableRandom random) {
        final int[] order = new int[clusters];
        for (int c = 0; c < clusters; c++) {
            order[c] = c;
        }
        for (int i = clusters - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        final int joined = Math.min(clusters, Math.max(2, clusters / 2));
        final int step = bridges == 0 ? 0 : Math.max(1, (joined - 1 + bridges - 1) / bridges);
        final int[][] joins = new int[bridges][];
        for (int b = 0; b < bridges; b++) {
            final int from = Math.min(b * step, joined - 1);
            final int to = Math.min(joined, from + step + 1);
            joins[b] = Arrays.copyOfRange(order, from, to);
        }
        return joins;
    }

    /** Takes {@code articles} articles off the last clusters dealt, dropping those left empty. */
    private static void removeLast(final IntList sizes, final IntList kinds, final int articles) {
        int left = articles;
        while (left > 0) {
            final int last = sizes.size() - 1;
            final int size = sizes.get(last);
            if (size <= left) {
                sizes.removeLast();
                kinds.removeLast();
                left -= size;
            } else {
                sizes.set(last, size - left);
                left = 0;
            }
        }
    }

    private static int pick(final int[] members, final SplittableRandom random) {
        return members[random.nextInt(members.length)];
    }

    private static int add(final IntList sizes, final IntList kinds, final int kind, final int size) {
        sizes.add(size);
        kinds.add(kind);
        return size;
    }

    private static int relatedCount(final SplittableRandom random) {
        int total = 0;
        for (final int weight : RELATED_WEIGHTS) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < RELATED_WEIGHTS.length; i++) {
            draw -= RELATED_WEIGHTS[i];
            if (draw < 0) {
                return i;
            }
        }
        return 0;
    }

    private static byte quality(final SplittableRandom random) {
        if (random.nextInt(100) < 8) {
            return -1;
        }
        return (byte) Math.max(0, Math.min(100, Math.round(58 + 20 * random.nextGaussian())));
    }

    private static String twoDigits(final int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    static String toHex(final long high, final long low) {
        final String h = Long.toHexString(high);
        final String l = Long.toHexString(low);
        return "0".repeat(16 - h.length()) + h + "0".repeat(16 - l.length()) + l;
    }

    static SplittableRandom stream(final long seed, final long stream, final long index) {
        return new SplittableRandom(mix(mix(seed ^ stream * 0x9E3779B97F4A7C15L) + index));
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: neighbouring indices get unrelated streams. */
    private static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
