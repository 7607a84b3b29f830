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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            â€\u009D                     | \u201D
            The â€œrightâ€\u009D quote    | The â€œright\u201D quote
            Ã\u0081lvaro, Ã\u008Dcaro   | Álvaro, Ícaro
            isnâ\u0080\u0099t            | isn’t
            ðŸ\u0098\u0080 smile          | 😀 smile
            """)
    void shouldRepairOnlyTheMojibakeThatCarriesC1ControlsBeforeYamlSeesIt(final String broken, final String repaired) {
        assertThat(TextNormalizer.repairMojibakeWithC1Controls(broken)).isEqualTo(repaired);
        assertThat(TextNormalizer.repairMojibake(broken)).isEqualTo(TextNormalizer.repairMojibake(repaired));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            isnâ€™t
            a lone \u009D control
            Ã alone before \u0081
            \u0081\u0081\u0081 only controls
            Ã\u0085ngstrÃ¶m: NEL is not forbidden
            café
            """)
    void shouldLeaveTextWithoutC1MojibakeAlone(final String text) {
        assertThat(TextNormalizer.repairMojibakeWithC1Controls(text)).isSameAs(text);
    }

    @Test
    void shouldLeaveALoneC1ControlNextToARepairedSequence() {
        assertThat(TextNormalizer.repairMojibakeWithC1Controls("â€\u009D \u0081"))
                .isEqualTo("\u201D \u0081");
    }

    @Test
    void shouldFindC1ControlsInARange() {
        assertThat(TextNormalizer.indexOfC1Control("ab\u0080c\u009F", 0, 5)).isEqualTo(2);
        assertThat(TextNormalizer.indexOfC1Control("ab\u0080c\u009F", 3, 5)).isEqualTo(4);
        assertThat(TextNormalizer.indexOfC1Control("ab\u0080c\u009F", 3, 4)).isEqualTo(-1);
        assertThat(TextNormalizer.indexOfC1Control("\u007F\u0085\u00A0€", 0, 4)).isEqualTo(-1);
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
        assertThat(TextNormalizer.collapseWhitespace("  a \t\n b\u00A0\u00A0c  "))
                .isEqualTo("a b c");
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
