package io.heatwire.article.parse;

import java.io.Reader;

/** A {@link Reader} over part of a String, so the parser reads the front matter without a copy. */
final class StringRegionReader extends Reader {

    private final String text;
    private final int end;
    private int position;

    StringRegionReader(final String text, final int start, final int end) {
        this.text = text;
        this.position = start;
        this.end = end;
    }

    @Override
    public int read(final char[] buffer, final int offset, final int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        final int count = Math.min(length, end - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public int read() {
        return position < end ? text.charAt(position++) : -1;
    }

    @Override
    public void close() {
        // Nothing to release: the text belongs to the caller.
    }
}
