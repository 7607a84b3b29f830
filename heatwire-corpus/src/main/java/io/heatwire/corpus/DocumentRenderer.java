package io.heatwire.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

import io.heatwire.article.identity.StoryIdentity;

/**
 * Renders the documents of a {@link CorpusPlan} in the seeds' format: YAML front matter between
 * {@code ---} fences, then body text. A document's bytes depend only on the plan and its index; a
 * re-publication repeats its first version's bytes, an edit has its own.
 *
 * <p>Every URL written is checked with enrich-service's own identity rules: the article's URLs must
 * resolve to its planned story id without aliases, and each related entry to the id of the story it
 * stands for. A generator bug therefore fails loudly instead of making the expected clusters wrong.
 */
public final class DocumentRenderer {

    public static final int MIN_BYTES = 2 * 1024;
    public static final int MAX_BYTES = 12 * 1024;

    /** Compact levels: full entries; short related excerpts, no related images; bare related entries. */
    private static final int MAX_LEVEL = 2;

    private static final int[][] IMAGE_SIZES = {
        {1200, 675}, {1024, 576}, {800, 450}, {640, 360}, {636, 382}, {1920, 1080}, {400, 267}
    };

    private final CorpusPlan plan;
    private final String nameFormat;

    public DocumentRenderer(final CorpusPlan plan) {
        this.plan = plan;
        final int width = Math.max(6, Integer.toString(plan.documentCount() - 1).length());
        this.nameFormat = "%0" + width + "d_%s.txt";
    }

    /** Document {@code document} of the plan, {@code 0..documentCount-1}. */
    public GeneratedDocument render(final int document) {
        final int article = plan.article(document);
        final boolean edit = plan.isEdit(document);
        for (int level = 0; ; level++) {
            // Each attempt replays the streams, so the result depends on the index only. An edit
            // keeps its first version's size and URLs and draws the rest from its own stream.
            final SplittableRandom first = plan.documentRandom(article, false);
            final int target = targetBytes(first);
            final OwnUrls urls = ownUrls(article, first);
            final SplittableRandom random = edit ? plan.documentRandom(article, true) : first;
            final byte[] head = frontMatter(article, edit, urls, random, level).getBytes(StandardCharsets.UTF_8);
            if (head.length <= MAX_BYTES - 2 || level == MAX_LEVEL) {
                if (head.length > MAX_BYTES) {
                    throw new IllegalStateException("document " + document + " has " + head.length + " bytes");
                }
                final int size = plan.options().sizes() == CorpusOptions.Sizes.BODY_TEXT
                        ? Math.min(target, MAX_BYTES)
                        : MIN_BYTES + 64;
                final byte[] tail = body(random, size - head.length).getBytes(StandardCharsets.UTF_8);
                final byte[] bytes = new byte[head.length + tail.length];
                System.arraycopy(head, 0, bytes, 0, head.length);
                System.arraycopy(tail, 0, bytes, head.length, tail.length);
                return new GeneratedDocument(document, article, name(document), urls.primary(), bytes);
            }
        }
    }

    /**
     * The document's file name and record key: its index, then the start of its article's story id,
     * like the seeds.
     */
    public String name(final int document) {
        return String.format(
                Locale.ROOT,
                nameFormat,
                document,
                plan.id(plan.article(document)).substring(0, 16));
    }

    /** Sizes around 5 KB, skewed to the right, within 2–12 KB. */
    private static int targetBytes(final SplittableRandom random) {
        final double size = Math.exp(Math.log(5_000) + 0.45 * random.nextGaussian());
        return (int) Math.max(MIN_BYTES + 64, Math.min(MAX_BYTES - 64, size));
    }

    /** The URLs an article lists for itself; every one resolves to its story and none is an alias. */
    private record OwnUrls(String web, String original, String amp, String ampCache) {

        /** The URL enrich-service gives the story: the first of these it finds usable. */
        String primary() {
            return web != null ? web : original;
        }
    }

    private OwnUrls ownUrls(final int article, final SplittableRandom random) {
        final Vocabulary.Provider provider = plan.provider(article);
        final String path = plan.path(article);
        final String web = UrlForms.web(provider, path);
        final boolean withWeb = random.nextInt(100) >= 3;
        final int originalDraw = random.nextInt(100);
        final String original = !withWeb || originalDraw < 50
                ? UrlForms.fromFeed(provider, path, random)
                : originalDraw < 85 ? web : null;
        final String amp = random.nextInt(10) < 9 ? UrlForms.amp(provider, path) : null;
        final String ampCache = amp != null && random.nextInt(10) < 7 ? UrlForms.ampCache(amp) : null;
        final OwnUrls urls = new OwnUrls(withWeb ? web : null, original, amp, ampCache);
        checkOwnIdentity(article, urls.web(), original, amp, ampCache);
        return urls;
    }

    private String frontMatter(
            final int article, final boolean edit, final OwnUrls urls, final SplittableRandom random, final int level) {
        final Vocabulary.Provider provider = plan.provider(article);
        final StringBuilder out = new StringBuilder(MAX_BYTES + 1024);
        out.append("---\n");
        out.append("category: ")
                .append(Vocabulary.CATEGORIES.get(random.nextInt(Vocabulary.CATEGORIES.size())))
                .append('\n');
        out.append("title: ")
                .append(quoted(edit ? plan.title(article) + " (updated)" : plan.title(article)))
                .append('\n');
        final int excerptWords = level == MAX_LEVEL ? 12 : 20 + random.nextInt(100);
        out.append("excerpt: ")
                .append(quoted(plan.excerpt(article, excerptWords)))
                .append('\n');
        out.append("publishedDateTime: ").append(plan.publishedAt(article)).append('\n');
        field(out, "", "originalUrl", urls.original());
        field(out, "", "webUrl", urls.web());
        field(out, "", "ampWebUrl", urls.amp());
        field(out, "", "cdnAmpWebUrl", urls.ampCache());
        out.append("type: article\n");
        final Integer quality = edit ? plan.editedQuality(article) : plan.quality(article);
        if (quality != null) {
            out.append("quality: ").append(quality).append('\n');
        }
        out.append("heat: -1\npublished: false\n\n");
        provider(out, "", provider);
        out.append("\ntopics:\n");
        for (int which = 0; which < 2; which++) {
            if (plan.topic(article, which) != null) {
                out.append("  - ").append(quoted(plan.topic(article, which))).append('\n');
            }
        }
        out.append("\nimages:\n");
        final int images = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int i = 0; i < images; i++) {
            image(out, "  ", provider, article, i, random);
        }

        final int[] targets = relatedTargets(article, edit, random);
        if (targets.length == 0) {
            out.append("\nrelated: []\n");
        } else {
            out.append("\nrelated:\n");
            for (final int target : targets) {
                related(out, target, random, level);
            }
        }
        out.append("\nsecured: ").append(quoted(secured(random))).append("\n---\n");
        return out.toString();
    }

    private int[] relatedTargets(final int article, final boolean edit, final SplittableRandom random) {
        final int[] refs = plan.articleRefs(article);
        final int own = plan.refOnlyEnd(article) - plan.refOnlyStart(article);
        final int added = edit && plan.editRef(article) >= 0 ? 1 : 0;
        final int[] targets = new int[refs.length + own + added];
        System.arraycopy(refs, 0, targets, 0, refs.length);
        for (int i = 0; i < own; i++) {
            targets[refs.length + i] = plan.refOnlyStart(article) + i;
        }
        if (added > 0) {
            targets[targets.length - 1] = plan.editRef(article);
        }
        for (int i = targets.length - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int swap = targets[i];
            targets[i] = targets[j];
            targets[j] = swap;
        }
        return targets;
    }

    private void related(final StringBuilder out, final int story, final SplittableRandom random, final int level) {
        final Vocabulary.Provider provider = plan.provider(story);
        final String path = plan.path(story);
        final UrlForms.Reference reference = UrlForms.reference(provider, path, random);
        String amp = reference.ampWebUrl();
        if (amp == null && level < MAX_LEVEL && random.nextInt(10) < 4) {
            amp = UrlForms.amp(provider, path);
        }
        final String ampCache =
                amp != null && level < MAX_LEVEL && random.nextInt(10) < 5 ? UrlForms.ampCache(amp) : null;
        final StoryIdentity identity = StoryIdentity.resolve(reference.webUrl(), null, amp, ampCache)
                .orElseThrow(() -> new IllegalStateException("unusable related URL for story " + story));
        if (!identity.id().equals(plan.id(story))) {
            throw new IllegalStateException(
                    "related URL " + identity.canonicalUrl() + " does not resolve to " + plan.canonicalUrl(story));
        }

        out.append("  - title: ").append(quoted(plan.title(story))).append('\n');
        if (level < MAX_LEVEL) {
            final int words = level == 0 ? 15 + random.nextInt(30) : 8;
            out.append("    excerpt: ")
                    .append(quoted(plan.excerpt(story, words)))
                    .append('\n');
        }
        out.append("    publishedDateTime: ").append(plan.publishedAt(story)).append('\n');
        field(out, "    ", "webUrl", reference.webUrl());
        field(out, "    ", "ampWebUrl", amp);
        field(out, "    ", "cdnAmpWebUrl", ampCache);
        out.append("    type: article\n");
        provider(out, "    ", provider);
        if (plan.quality(story) != null) {
            out.append("    quality: ").append(plan.quality(story)).append('\n');
        }
        if (level == 0 && random.nextInt(10) < 6) {
            out.append("    images:\n");
            image(out, "      ", provider, story, 0, random);
        }
    }

    private void checkOwnIdentity(
            final int article, final String web, final String original, final String amp, final String ampCache) {
        final StoryIdentity identity = StoryIdentity.resolve(web, original, amp, ampCache)
                .orElseThrow(() -> new IllegalStateException("no usable URL for article " + article));
        if (!identity.id().equals(plan.id(article)) || !identity.aliasIds().isEmpty()) {
            throw new IllegalStateException("the URLs of article " + article + " resolve to " + identity.allUrls()
                    + ", not only to " + plan.canonicalUrl(article));
        }
    }

    private void image(
            final StringBuilder out,
            final String indent,
            final Vocabulary.Provider provider,
            final int story,
            final int number,
            final SplittableRandom random) {
        final int[] size = IMAGE_SIZES[random.nextInt(IMAGE_SIZES.length)];
        final String date = plan.publishedAt(story).toString().substring(0, 10).replace('-', '/');
        out.append(indent)
                .append("- url: ")
                .append(quoted("https://img." + provider.domain() + "/" + date + "/"
                        + plan.id(story).substring(0, 12) + "-" + number + ".jpg"))
                .append('\n');
        out.append(indent).append("  width: ").append(size[0]).append('\n');
        out.append(indent).append("  height: ").append(size[1]).append('\n');
        out.append(indent).append("  isCached: ").append(random.nextInt(10) < 8).append('\n');
    }

    private static void provider(final StringBuilder out, final String indent, final Vocabulary.Provider provider) {
        out.append(indent).append("provider:\n");
        out.append(indent).append("  name: ").append(quoted(provider.name())).append('\n');
        out.append(indent).append("  domain: ").append(provider.domain()).append('\n');
    }

    private static void field(final StringBuilder out, final String indent, final String name, final String value) {
        if (value != null) {
            out.append(indent).append(name).append(": ").append(quoted(value)).append('\n');
        }
    }

    /** Paragraphs of plain text, about {@code bytes} long (ASCII, so chars are bytes); empty when none is needed. */
    private static String body(final SplittableRandom random, final int bytes) {
        if (bytes <= 0) {
            return "";
        }
        final StringBuilder body = new StringBuilder(bytes + 1024);
        while (body.length() < bytes) {
            body.append('\n')
                    .append(Vocabulary.text(random, 40 + random.nextInt(80)))
                    .append('\n');
        }
        int cut = bytes;
        while (cut > 0 && body.charAt(cut - 1) != ' ') {
            cut--;
        }
        body.setLength(Math.max(0, cut - 1));
        while (body.length() > 0 && body.charAt(body.length() - 1) == '.') {
            body.setLength(body.length() - 1);
        }
        return body.append(".\n").toString();
    }

    private static String secured(final SplittableRandom random) {
        final byte[] sealed = new byte[232];
        final byte[] nonce = new byte[16];
        random.nextBytes(sealed);
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(sealed) + ";"
                + Base64.getEncoder().encodeToString(nonce);
    }

    /** A YAML double-quoted scalar; the vocabulary has no control characters, so only two escapes matter. */
    static String quoted(final String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
