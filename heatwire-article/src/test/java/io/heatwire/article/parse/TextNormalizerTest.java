package io.heatwire.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            isnâ€™t                       | isn’t
            Ã©tÃ©                        | été
            Â£5                          | £5
            â€œquotedâ€\u009D           | “quoted”
            ðŸ˜€ smile                    | 😀 smile
            cafÃ© and cafÃ©              | café and café
            """)
    void shouldRepairUtf8ReadAsWindows1252(final String broken, final String repaired) {
        assertThat(TextNormalizer.repairMojibake(broken)).isEqualTo(repaired);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            café
            naïve Ökonomie — “fine”
            plain ASCII text
            Ã alone
            â€ incomplete
            """)
    void shouldLeaveTextAloneWhenNoSequenceRoundTrips(final String text) {
        assertThat(TextNormalizer.repairMojibake(text)).isSameAs(text);
    }

    @Test
    void shouldNotRepairOverlongOrSurrogateSequences() {
        // C0 80 is an overlong NUL and ED A0 80 a surrogate: neither is well-formed UTF-8.
        final String overlong = "x\u00C0\u20ACy";
        final String surrogate = "x\u00ED\u00A0\u20ACy";
        assertThat(TextNormalizer.repairMojibake(overlong)).isSameAs(overlong);
        assertThat(TextNormalizer.repairMojibake(surrogate)).isSameAs(surrogate);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Tom &amp; Jerry              | Tom & Jerry
            &lt;b&gt;                    | <b>
            it&#8217;s                   | it’s
            it&#x2019;s                  | it’s
            caf&eacute;                  | café
            &amp;lt;                     | &lt;
            a &unknown; b                | a &unknown; b
            fish & chips                 | fish & chips
            &#0; &#xD800; &#99999999;    | &#0; &#xD800; &#99999999;
            `&quot;quoted&quot;`         | `"quoted"`
            """)
    void shouldDecodeHtmlEntitiesOnce(final String encoded, final String decoded) {
        assertThat(TextNormalizer.decodeHtmlEntities(encoded)).isEqualTo(decoded);
    }

    @Test
    void shouldCollapseWhitespaceRunsAndTrim() {
        assertThat(TextNormalizer.collapseWhitespace("  a \t\n b\u00A0\u00A0c  ")).isEqualTo("a b c");
    }

    @Test
    void shouldReturnTheSameInstanceWhenNothingChanges() {
        final String clean = "Police are using cameras";
        assertThat(TextNormalizer.collapseWhitespace(clean)).isSameAs(clean);
        assertThat(TextNormalizer.decodeHtmlEntities(clean)).isSameAs(clean);
        assertThat(TextNormalizer.repairMojibake(clean)).isSameAs(clean);
        assertThat(TextNormalizer.normalizeLine(clean)).isSameAs(clean);
    }

    @Test
    void shouldNormalizeTitlesCompletely() {
        assertThat(TextNormalizer.normalizeLine("  It isnâ€™t  &amp;\n over ")).isEqualTo("It isn’t & over");
    }
}
