package io.heatwire.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.smile.SmileMapper;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * The cost of one story on an internal topic or in a state store, per encoding: encode plus
 * decode of the stories of generated articles (about five per article, the ARTICLE with its text
 * and the REFERENCE stories its related entries make), in stories per second. {@link #main}
 * prints the encoded sizes. Internal records use the encoding that wins here; output topics stay
 * JSON.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodingBenchmark {

    /** The encodings compared. */
    public enum Encoding {
        JSON(JsonMapper.builder().build()),
        SMILE(SmileMapper.builder().build()),
        CBOR(CBORMapper.builder().build());

        final ObjectMapper mapper;

        Encoding(final ObjectMapper mapper) {
            this.mapper = mapper;
        }
    }

    static final int ARTICLES = 256;

    @Param({"JSON", "SMILE", "CBOR"})
    public Encoding encoding;

    private List<Story> stories;
    private List<byte[]> encoded;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws RejectedDocumentException {
        stories = stories();
        encoded = new ArrayList<>(stories.size());
        for (final Story story : stories) {
            encoded.add(encoding.mapper.writeValueAsBytes(story));
        }
    }

    @Benchmark
    public byte[] encode() {
        return encoding.mapper.writeValueAsBytes(stories.get(advance()));
    }

    @Benchmark
    public Story decode() {
        return encoding.mapper.readValue(encoded.get(advance()), Story.class);
    }

    private int advance() {
        final int current = next;
        next = next + 1 == stories.size() ? 0 : next + 1;
        return current;
    }

    static List<Story> stories() throws RejectedDocumentException {
        final ArticleParser parser = new ArticleParser(ParseLimits.defaults());
        final List<Story> stories = new ArrayList<>();
        for (final byte[] document : DocumentCorpus.generated(ARTICLES, ParseBenchmark.GENERATOR_SEED)) {
            stories.addAll(Stories.from(parser.parse(document)));
        }
        return stories;
    }

    /** Prints the average encoded size of a story per encoding, and checks each round-trips. */
    public static void main(final String[] args) throws RejectedDocumentException {
        final List<Story> stories = stories();
        for (final Encoding encoding : Encoding.values()) {
            long bytes = 0;
            for (final Story story : stories) {
                final byte[] data = encoding.mapper.writeValueAsBytes(story);
                if (!encoding.mapper.readValue(data, Story.class).equals(story)) {
                    throw new IllegalStateException(encoding + " does not round-trip " + story.id());
                }
                bytes += data.length;
            }
            System.out.printf(
                    "%-6s %,8.0f bytes per story (%d stories)%n",
                    encoding, bytes / (double) stories.size(), stories.size());
        }
    }
}
