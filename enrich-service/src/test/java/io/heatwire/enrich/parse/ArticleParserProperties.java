package io.heatwire.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes arrive, the parser either returns an article or rejects the document with a code. */
class ArticleParserProperties {

    private static final List<byte[]> SEEDS = new ArrayList<>(SeedDocuments.all().values());

    private final ArticleParser parser = new ArticleParser(ParseLimits.defaults());

    @Property(tries = 300)
    void shouldOnlyEverReturnAnArticleOrARejection(@ForAll("mutatedSeeds") final byte[] document) {
        try {
            final ParsedArticle article = parser.parse(document);
            assertThat(article.title()).isNotBlank();
            assertThat(article.url()).isNotBlank();
        } catch (RejectedDocumentException rejection) {
            assertThat(rejection.code()).isNotNull();
            assertThat(rejection.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedSeeds() {
        final Arbitrary<Integer> seed = Arbitraries.integers().between(0, SEEDS.size() - 1);
        final Arbitrary<List<int[]>> edits = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .list().ofSize(3).map(list -> List.of(new int[] {list.get(0), list.get(1), list.get(2)}))
                .list().ofMinSize(1).ofMaxSize(8).map(lists -> lists.stream().flatMap(List::stream).toList());
        return seed.flatMap(index -> edits.map(list -> mutate(SEEDS.get(index), list)));
    }

    /** Overwrites, deletes or duplicates bytes at pseudo-random positions. */
    private static byte[] mutate(final byte[] original, final List<int[]> edits) {
        byte[] bytes = original.clone();
        for (final int[] edit : edits) {
            final int position = edit[0] % bytes.length;
            switch (edit[1] % 3) {
                case 0 -> bytes[position] = (byte) edit[2];
                case 1 -> {
                    final int length = Math.min(edit[2] % 64 + 1, bytes.length - position);
                    final byte[] shorter = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, shorter, 0, position);
                    System.arraycopy(bytes, position + length, shorter, position, bytes.length - position - length);
                    bytes = shorter.length == 0 ? new byte[] {'x'} : shorter;
                }
                default -> {
                    final byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, position + 1);
                    System.arraycopy(bytes, position, longer, position + 1, bytes.length - position);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
