package io.heatwire.article.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Pure text clean-up for article fields (SPEC 4). Every function returns its argument itself when
 * there is nothing to change, so callers can detect a change with {@code !=} and the common case
 * (clean ASCII text) allocates nothing.
 */
public final class TextNormalizer {

    /** The longest named entity we decode is shorter than this; longer runs are not entities. */
    private static final int MAX_ENTITY_NAME = 10;

    private static final Map<String, String> NAMED_ENTITIES = namedEntities();

    private TextNormalizer() {}

    /**
     * Trims, decodes HTML entities, repairs mojibake and collapses whitespace runs to one space: the
     * treatment SPEC 4 asks for on titles and excerpts.
     */
    public static String normalizeLine(final String text) {
        return collapseWhitespace(repairMojibake(decodeHtmlEntities(text.strip())));
    }

    /**
     * Collapses every run of whitespace (including no-break and other Unicode spaces) into one
     * ASCII space and removes it at both ends.
     */
    public static String collapseWhitespace(final String text) {
        final int length = text.length();
        boolean clean = true;
        boolean previousSpace = true; // a leading space is a change too
        for (int i = 0; i < length && clean; i++) {
            final char c = text.charAt(i);
            if (isWhitespace(c)) {
                clean = c == ' ' && !previousSpace;
                previousSpace = true;
            } else {
                previousSpace = false;
            }
        }
        if (clean && !previousSpace) {
            return text;
        }
        final StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Repairs text whose UTF-8 bytes were once decoded as Windows-1252 ({@code isnâ€™t} becomes
     * {@code isn’t}). Each candidate sequence is repaired on its own and only when its bytes form
     * one well-formed UTF-8 character (no overlong forms, no surrogates), so legitimate Latin-1 text
     * such as {@code café} is left alone.
     */
    public static String repairMojibake(final String text) {
        return repair(text, 0, false);
    }

    /**
     * The same repair, restricted to the sequences that carry a C1 control character that YAML
     * forbids (U+0080 to U+009F except NEL, U+0085): lenient decoders turn the bytes Windows-1252
     * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), and ISO-8859-1 decoders all of 0x80 to 0x9F,
     * into those controls, so the right double quote U+201D (E2 80 9D) becomes {@code â€} and
     * U+009D. Such text must be repaired before a YAML parser reads it; everything else is left to
     * the per-field repair. A C1 control outside such a sequence stays.
     */
    public static String repairMojibakeWithC1Controls(final String text) {
        final int c1 = indexOfC1Control(text, 0, text.length());
        // A sequence starts at most three chars before its first C1 control (at most four chars long).
        return c1 < 0 ? text : repair(text, Math.max(0, c1 - 3), true);
    }

    /**
     * Index of the first C1 control character that YAML forbids (U+0080 to U+009F except NEL,
     * U+0085, which YAML allows) in {@code [from, to)}, or -1.
     */
    public static int indexOfC1Control(final String text, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (isC1Control(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isC1Control(final char c) {
        return c >= 0x80 && c <= 0x9F && c != 0x85;
    }

    private static String repair(final String text, final int from, final boolean onlyWithC1) {
        final int length = text.length();
        int first = -1;
        for (int i = from; i < length - 1; i++) {
            final char c = text.charAt(i);
            if (c >= 0xC2 && c <= 0xF4 && repairable(text, i, onlyWithC1) > 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return text;
        }
        final StringBuilder out = new StringBuilder(length);
        out.append(text, 0, first);
        int i = first;
        while (i < length) {
            final int n = repairable(text, i, onlyWithC1);
            if (n > 0) {
                out.appendCodePoint(decode(text, i, n));
                i += n;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** {@link #sequenceLength}, or 0 when only C1-carrying sequences count and this one carries none. */
    private static int repairable(final String text, final int i, final boolean onlyWithC1) {
        final int n = sequenceLength(text, i);
        if (n == 0 || !onlyWithC1) {
            return n;
        }
        return indexOfC1Control(text, i + 1, i + n) >= 0 ? n : 0;
    }

    /**
     * Decodes named HTML entities (the common ones and all of Latin-1) and numeric ones
     * ({@code &#8217;}, {@code &#x2019;}). Decoding is a single pass: {@code &amp;lt;} becomes
     * {@code &lt;}. Unknown or malformed entities stay as they are.
     */
    public static String decodeHtmlEntities(final String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        final int length = text.length();
        StringBuilder out = null;
        int copied = 0;
        while (amp >= 0) {
            final int semicolon = text.indexOf(';', amp + 1);
            if (semicolon < 0) {
                break;
            }
            final String replacement = entity(text, amp + 1, semicolon);
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(length);
                }
                out.append(text, copied, amp).append(replacement);
                copied = semicolon + 1;
                amp = text.indexOf('&', copied);
            } else {
                amp = text.indexOf('&', amp + 1);
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, length).toString();
    }

    private static boolean isWhitespace(final char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String entity(final String text, final int start, final int end) {
        final int length = end - start;
        if (length < 2 || length > MAX_ENTITY_NAME) {
            return null;
        }
        if (text.charAt(start) != '#') {
            return NAMED_ENTITIES.get(text.substring(start, end));
        }
        final boolean hex = text.charAt(start + 1) == 'x' || text.charAt(start + 1) == 'X';
        final int digitsStart = hex ? start + 2 : start + 1;
        if (digitsStart == end) {
            return null;
        }
        int codePoint = 0;
        for (int i = digitsStart; i < end; i++) {
            final int digit = Character.digit(text.charAt(i), hex ? 16 : 10);
            if (digit < 0) {
                return null;
            }
            codePoint = codePoint * (hex ? 16 : 10) + digit;
            if (codePoint > Character.MAX_CODE_POINT) {
                return null;
            }
        }
        if (codePoint == 0 || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return null;
        }
        return Character.toString(codePoint);
    }

    /** Number of chars at {@code i} that spell one UTF-8 character in Windows-1252, else 0. */
    private static int sequenceLength(final String text, final int i) {
        final int lead = cp1252Byte(text.charAt(i));
        final int continuation;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
        } else {
            return 0;
        }
        if (i + continuation >= text.length()) {
            return 0;
        }
        for (int k = 1; k <= continuation; k++) {
            final int b = cp1252Byte(text.charAt(i + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        // Reject the overlong, surrogate and beyond-Unicode forms that the lead byte alone allows.
        final int second = cp1252Byte(text.charAt(i + 1));
        if ((lead == 0xE0 && second < 0xA0)
                || (lead == 0xED && second > 0x9F)
                || (lead == 0xF0 && second < 0x90)
                || (lead == 0xF4 && second > 0x8F)) {
            return 0;
        }
        return continuation + 1;
    }

    private static int decode(final String text, final int i, final int n) {
        final int lead = cp1252Byte(text.charAt(i));
        int codePoint = switch (n) {
            case 2 -> lead & 0x1F;
            case 3 -> lead & 0x0F;
            default -> lead & 0x07;
        };
        for (int k = 1; k < n; k++) {
            codePoint = (codePoint << 6) | (cp1252Byte(text.charAt(i + k)) & 0x3F);
        }
        return codePoint;
    }

    /** The Windows-1252 byte that decodes to {@code c}, or -1 when there is none. */
    private static int cp1252Byte(final char c) {
        if (c < 0x80) {
            return -1;
        }
        if (c <= 0xFF) {
            // Latin-1 range, and the C1 controls that lenient decoders produce for 0x81, 0x8D, ...
            return c;
        }
        return switch (c) {
            case '\u20AC' -> 0x80;
            case '\u201A' -> 0x82;
            case '\u0192' -> 0x83;
            case '\u201E' -> 0x84;
            case '\u2026' -> 0x85;
            case '\u2020' -> 0x86;
            case '\u2021' -> 0x87;
            case '\u02C6' -> 0x88;
            case '\u2030' -> 0x89;
            case '\u0160' -> 0x8A;
            case '\u2039' -> 0x8B;
            case '\u0152' -> 0x8C;
            case '\u017D' -> 0x8E;
            case '\u2018' -> 0x91;
            case '\u2019' -> 0x92;
            case '\u201C' -> 0x93;
            case '\u201D' -> 0x94;
            case '\u2022' -> 0x95;
            case '\u2013' -> 0x96;
            case '\u2014' -> 0x97;
            case '\u02DC' -> 0x98;
            case '\u2122' -> 0x99;
            case '\u0161' -> 0x9A;
            case '\u203A' -> 0x9B;
            case '\u0153' -> 0x9C;
            case '\u017E' -> 0x9E;
            case '\u0178' -> 0x9F;
            default -> -1;
        };
    }

    private static Map<String, String> namedEntities() {
        final Map<String, String> entities = new HashMap<>(256);
        final String[] basic = {
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "ndash", "\u2013", "mdash", "\u2014", "lsquo", "\u2018", "rsquo", "\u2019", "sbquo", "\u201A",
            "ldquo", "\u201C", "rdquo", "\u201D", "bdquo", "\u201E", "hellip", "\u2026", "bull", "\u2022",
            "lsaquo", "\u2039", "rsaquo", "\u203A", "trade", "\u2122", "euro", "\u20AC", "dagger", "\u2020",
            "Dagger", "\u2021", "permil", "\u2030", "prime", "\u2032", "Prime", "\u2033", "OElig", "\u0152",
            "oelig", "\u0153", "Scaron", "\u0160", "scaron", "\u0161", "Yuml", "\u0178", "fnof", "\u0192",
            "circ", "\u02C6", "tilde", "\u02DC", "ensp", "\u2002", "emsp", "\u2003", "thinsp", "\u2009",
            "zwnj", "\u200C", "zwj", "\u200D", "lrm", "\u200E", "rlm", "\u200F", "minus", "\u2212",
        };
        for (int i = 0; i < basic.length; i += 2) {
            entities.put(basic[i], basic[i + 1]);
        }
        // HTML 4's ISO-8859-1 entities name every code point from U+00A0 to U+00FF, in order.
        final String[] latin1 = {
            "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
            "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
            "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
            "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
            "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
            "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
            "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
            "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
            "yacute", "thorn", "yuml",
        };
        for (int i = 0; i < latin1.length; i++) {
            entities.put(latin1[i], String.valueOf((char) (0xA0 + i)));
        }
        return Map.copyOf(entities);
    }
}
