package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void shouldPadColumnsToTheWidestCellAndAlignNumbersRight() {
        final TextTable table = new TextTable("lrl")
                .row("figure", "value", "note")
                .row("end to end", "71.2", "slow")
                .row("parse", "7,012");

        assertThat(table.lines())
                .containsExactly("figure      value  note", "end to end   71.2  slow", "parse       7,012");
    }

    @Test
    void shouldCountCharactersNotBytes() {
        final TextTable table = new TextTable("ll").row("p50 ≤ 1 s", "x").row("abcdefghi", "y");

        assertThat(table.lines()).containsExactly("p50 ≤ 1 s  x", "abcdefghi  y");
    }

    @Test
    void shouldRejectRowsWiderThanTheTable() {
        assertThatThrownBy(() -> new TextTable("l").row("a", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
