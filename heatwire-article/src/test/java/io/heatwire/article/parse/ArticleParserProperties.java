package io.heatwire.article.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import io.heatwire.article.identity.StoryId;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * A bounded fuzz of the parser (SPEC 13): the seeds and the hostile corpus, mutated byte by byte
 * and spliced with YAML's sharp edges. Whatever comes in, the parser returns an article or rejects
 * the document with a code — no other exception — within a hang guard and an allocation bound, and
 * every story of an accepted document has a valid id derived from its canonical URL.
 */
class ArticleParserProperties {

    /** A hang guard, not a speed test: a document takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** Far above what a 1 MiB document needs, far below what an expansion attack would take. */
    private static final long MAX_ALLOCATED_BYTES = 512L * 1024 * 1024;
    /** Documents to start from: the seeds, and the corpus entries small enough to mutate quickly. */
    private static final List<byte[]> STARTS = starts();
    /** Fragments that reach the YAML parser's anchors, aliases, tags, flow collections and directives. */
    private static final List<String> FRAGMENTS = List.of(
            "&a ",
            "*a",
            "<<: *a\n",
            "!!python/object ",
            "!x ",
            "{",
            "}",
            "[",
            "]",
            "\n---\n",
            "\n...\n",
            "%YAML 1.1\n",
            "%TAG ! tag:x,2000:\n",
            "? ",
            ": ",
            "\t",
            "\u0000",
            "\"",
            "'",
            "|\n",
            ">-\n",
            "#",
            "\r\n",
            "\uFEFF",
            "\uD83D\uDCF0",
            "- ",
            "  ",
            "url: ",
            "related:\n  - ",
            "http://",
            "https://www.example.com/a?utm_source=x#f",
            "~",
            "null",
            "0x1F",
            "1e999",
            "2026-02-30T25:61:00Z");

    private final ArticleParser parser = new ArticleParser(ParseLimits.defaults());

    @Property(tries = 1000)
    void shouldOnlyEverReturnAnArticleWithValidStoryIdsOrARejection(@ForAll("mutatedDocuments") final byte[] document) {
        final Outcome outcome = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> parseMeasured(document),
                () -> "the parser hung on a document of " + document.length + " bytes");
        assertThat(outcome.allocatedBytes())
                .as("bytes allocated parsing a document of %d bytes", document.length)
                .isLessThan(MAX_ALLOCATED_BYTES);
        Statistics.collect(outcome.rejection() == null ? "accepted" : "rejected");
        Statistics.coverage(coverage -> {
            // Both branches must be exercised, or the property proves nothing about one of them.
            coverage.check("accepted").count(count -> count > 0);
            coverage.check("rejected").count(count -> count > 0);
        });
        if (outcome.rejection() != null) {
            assertThat(outcome.rejection().code()).isNotNull();
            assertThat(outcome.rejection().getMessage()).isNotBlank();
            return;
        }
        final ParsedArticle article = outcome.article();
        assertThat(article.title()).isNotBlank();
        assertThat(article.url()).isNotBlank();
        final List<Story> stories = Stories.from(article);
        assertThat(stories).isNotEmpty().allSatisfy(story -> {
            assertThat(StoryId.isValid(story.id()))
                    .as("story id %s", story.id())
                    .isTrue();
            assertThat(story.id()).isEqualTo(StoryId.of(story.canonicalUrl()));
        });
        assertThat(stories.get(0).aliases())
                .allSatisfy(alias ->
                        assertThat(StoryId.isValid(alias)).as("alias %s", alias).isTrue());
    }

    private record Outcome(ParsedArticle article, RejectedDocumentException rejection, long allocatedBytes) {}

    /** Parses on the calling thread and counts what that thread allocated meanwhile. */
    private Outcome parseMeasured(final byte[] document) {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        ParsedArticle article = null;
        RejectedDocumentException rejection = null;
        try {
            article = parser.parse(document);
        } catch (RejectedDocumentException e) {
            rejection = e;
        }
        return new Outcome(article, rejection, threads.getThreadAllocatedBytes(thread) - before);
    }

    @Provide
    Arbitrary<byte[]> mutatedDocuments() {
        final Arbitrary<Integer> start = Arbitraries.integers().between(0, STARTS.size() - 1);
        final Arbitrary<int[]> edit = Arbitraries.integers()
                .between(0, Integer.MAX_VALUE)
                .array(int[].class)
                .ofSize(3);
        return start.flatMap(
                index -> edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> mutate(STARTS.get(index), edits)));
    }

    /** Overwrites, deletes, duplicates or inserts bytes, or splices in a YAML fragment, at pseudo-random positions. */
    private static byte[] mutate(final byte[] original, final List<int[]> edits) {
        byte[] bytes = original.clone();
        for (final int[] edit : edits) {
            final int position = edit[0] % bytes.length;
            switch (edit[1] % 4) {
                case 0 -> bytes[position] = (byte) edit[2];
                case 1 -> {
                    final int length = Math.min(edit[2] % 64 + 1, bytes.length - position);
                    final byte[] shorter = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, shorter, 0, position);
                    System.arraycopy(bytes, position + length, shorter, position, bytes.length - position - length);
                    bytes = shorter.length == 0 ? new byte[] {'x'} : shorter;
                }
                case 2 -> {
                    final byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, position + 1);
                    System.arraycopy(bytes, position, longer, position + 1, bytes.length - position);
                    bytes = longer;
                }
                default ->
                    bytes = insert(
                            bytes,
                            position,
                            FRAGMENTS.get(edit[2] % FRAGMENTS.size()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes;
    }

    private static byte[] insert(final byte[] bytes, final int position, final byte[] fragment) {
        final byte[] longer = new byte[bytes.length + fragment.length];
        System.arraycopy(bytes, 0, longer, 0, position);
        System.arraycopy(fragment, 0, longer, position, fragment.length);
        System.arraycopy(bytes, position, longer, position + fragment.length, bytes.length - position);
        return longer;
    }

    private static List<byte[]> starts() {
        final List<byte[]> starts = new ArrayList<>(SeedDocuments.all().values());
        MalformedDocumentCorpusTest.corpus()
                .map(entry -> entry.document().get())
                .filter(document -> document.length > 0 && document.length <= 64 * 1024)
                .forEach(starts::add);
        return List.copyOf(starts);
    }
}
