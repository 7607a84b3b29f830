package io.heatwire.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Columns padded to their widest cell, two spaces apart; numbers right-aligned. */
final class TextTable {

    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** {@code alignment}: one character per column, {@code l} or {@code r}. */
    TextTable(final String alignment) {
        rightAligned = new boolean[alignment.length()];
        for (int i = 0; i < alignment.length(); i++) {
            rightAligned[i] = alignment.charAt(i) == 'r';
        }
    }

    /** Adds a row; missing cells are blank, extra cells are an error. */
    TextTable row(final String... cells) {
        if (cells.length > rightAligned.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + rightAligned.length);
        }
        final String[] row = Arrays.copyOf(cells, rightAligned.length);
        for (int i = 0; i < row.length; i++) {
            row[i] = row[i] == null ? "" : row[i];
        }
        rows.add(row);
        return this;
    }

    List<String> lines() {
        final int[] widths = new int[rightAligned.length];
        for (final String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        final List<String> lines = new ArrayList<>();
        for (final String[] row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                final String pad = " ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()));
                line.append(rightAligned[i] ? pad + row[i] : row[i] + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
