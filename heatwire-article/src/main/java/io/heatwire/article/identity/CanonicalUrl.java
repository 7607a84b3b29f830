package io.heatwire.article.identity;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical form of a story URL (SPEC 5), so that every URL a story is known by maps to one
 * string and therefore one story id.
 *
 * <p>Rules, in order: only http and https are usable, and both become https; the host is lowercased
 * (internationalized names become their ASCII form), a leading {@code www.} or {@code amp.} label is
 * dropped, and so are user info, the default port and the fragment; an AMP-cache URL
 * ({@code https://example-com.cdn.ampproject.org/c/s/example.com/x}) is replaced by the URL it
 * caches; AMP twins map to the plain page: an {@code amp} path segment is removed, {@code x.amp.html}
 * becomes {@code x.html}, {@code x.amp} becomes {@code x}, a last segment {@code amp.html} is
 * removed, and the parameters {@code amp}, {@code outputType=amp}, {@code version=amp} are dropped;
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code ocid}, {@code cmpid},
 * {@code mc_cid}, {@code mc_eid}) are dropped; percent-encoding is normalized (unreserved characters
 * decoded, hex digits uppercased, other characters encoded as UTF-8); dot segments are resolved; the
 * trailing slash is dropped and the remaining parameters are sorted.
 */
public final class CanonicalUrl {

    private static final String AMP_CACHE_SUFFIX = "cdn.ampproject.org";
    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "ocid", "cmpid", "mc_cid", "mc_eid");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalUrl() {}

    /**
     * Returns the canonical form of {@code url}, or empty when it is not a usable absolute http(s)
     * URL (another scheme, no host, a malformed port, control characters, null or blank).
     */
    public static Optional<String> canonicalize(final String url) {
        if (url == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(canonical(url.strip(), true));
    }

    private static String canonical(final String url, final boolean mayUnwrapAmpCache) {
        final int colon = schemeEnd(url);
        if (colon < 0) {
            return null;
        }
        final String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (!url.startsWith("//", colon + 1)) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            final char c = url.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return null;
            }
        }
        final int authorityStart = colon + 3;
        final int authorityEnd = indexOfAny(url, authorityStart, "/?#");
        final int fragment = url.indexOf('#', authorityEnd);
        final int end = fragment < 0 ? url.length() : fragment;
        final int query = url.indexOf('?', authorityEnd);
        final int pathEnd = query < 0 || query > end ? end : query;

        // User info (user:password@) is not part of a page's identity.
        final int at = url.lastIndexOf('@', authorityEnd - 1);
        final String hostAndPort = url.substring(at < authorityStart ? authorityStart : at + 1, authorityEnd);
        final int portSeparator = hostAndPort.startsWith("[")
                ? hostAndPort.indexOf(':', Math.max(0, hostAndPort.indexOf(']')))
                : hostAndPort.lastIndexOf(':');
        final String rawHost = portSeparator < 0 ? hostAndPort : hostAndPort.substring(0, portSeparator);
        final String host = host(rawHost);
        if (host == null) {
            return null;
        }
        final int port = portSeparator < 0 ? -1 : port(hostAndPort.substring(portSeparator + 1));
        if (port == Integer.MIN_VALUE) {
            return null;
        }
        final String rawPath = url.substring(authorityEnd, pathEnd);
        final String rawQuery = query < 0 || query > end ? "" : url.substring(query + 1, end);

        if (mayUnwrapAmpCache
                && host.endsWith(AMP_CACHE_SUFFIX)
                && (host.length() == AMP_CACHE_SUFFIX.length()
                        || host.charAt(host.length() - AMP_CACHE_SUFFIX.length() - 1) == '.')) {
            return unwrapAmpCache(rawPath, rawQuery);
        }

        final StringBuilder out = new StringBuilder(url.length());
        out.append("https://").append(withoutTwinPrefix(host));
        if (port >= 0 && port != 443 && port != defaultPort(scheme)) {
            out.append(':').append(port);
        }
        appendPath(out, rawPath);
        appendQuery(out, rawQuery);
        return out.toString();
    }

    /**
     * {@code /c/s/example.com/x?q} (https origin) or {@code /c/example.com/x?q} (http origin); the
     * {@code /v/} (viewer) and {@code /i/} (image) forms are the same.
     */
    private static String unwrapAmpCache(final String rawPath, final String rawQuery) {
        if (rawPath.length() < 4
                || rawPath.charAt(0) != '/'
                || rawPath.charAt(2) != '/'
                || "cvi".indexOf(rawPath.charAt(1)) < 0) {
            return null;
        }
        String origin = rawPath.substring(3);
        String scheme = "http://";
        if (origin.startsWith("s/")) {
            origin = origin.substring(2);
            scheme = "https://";
        }
        if (origin.isEmpty()) {
            return null;
        }
        return canonical(scheme + origin + (rawQuery.isEmpty() ? "" : "?" + rawQuery), false);
    }

    private static int schemeEnd(final String url) {
        final int colon = url.indexOf(':');
        if (colon <= 0) {
            return -1;
        }
        for (int i = 0; i < colon; i++) {
            final char c = url.charAt(i);
            final boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return -1;
            }
        }
        return colon;
    }

    private static int indexOfAny(final String text, final int from, final String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Lowercased ASCII host without a trailing dot, or null when it is not a plausible host name. */
    private static String host(final String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]") || raw.length() < 4) {
                return null;
            }
            for (int i = 1; i < raw.length() - 1; i++) {
                final char c = raw.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    return null;
                }
            }
            return raw.toLowerCase(Locale.ROOT);
        }
        String host = raw;
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 0x80) {
                try {
                    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                break;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            return null;
        }
        for (int i = 0; i < host.length(); i++) {
            final char c = host.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
                return null;
            }
        }
        return host;
    }

    /** {@code www.} and {@code amp.} hosts serve the same pages as the bare domain. */
    private static String withoutTwinPrefix(final String host) {
        for (final String prefix : new String[] {"www.", "amp."}) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                return host.substring(prefix.length());
            }
        }
        return host;
    }

    /** The port, -1 when empty, or {@link Integer#MIN_VALUE} when malformed. */
    private static int port(final String raw) {
        if (raw.isEmpty()) {
            return -1;
        }
        if (raw.length() > 5) {
            return Integer.MIN_VALUE;
        }
        int port = 0;
        for (int i = 0; i < raw.length(); i++) {
            final char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            port = port * 10 + (c - '0');
        }
        return port > 65_535 ? Integer.MIN_VALUE : port;
    }

    private static int defaultPort(final String scheme) {
        return scheme.equals("http") ? 80 : 443;
    }

    private static void appendPath(final StringBuilder out, final String rawPath) {
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            return;
        }
        final List<String> segments = new ArrayList<>();
        int start = 1;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            if (slash < 0) {
                slash = rawPath.length();
            }
            final String segment = normalizeEncoding(rawPath.substring(start, slash), false);
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.equals(".") && !segment.equalsIgnoreCase("amp")) {
                segments.add(segment);
            }
            start = slash + 1;
        }
        // Trailing slashes leave empty last segments behind.
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (!segments.isEmpty()) {
            final int last = segments.size() - 1;
            final String plain = withoutAmpSuffix(segments.get(last));
            if (plain.isEmpty()) {
                segments.remove(last);
            } else {
                segments.set(last, plain);
            }
        }
        for (final String segment : segments) {
            out.append('/').append(segment);
        }
    }

    /** {@code x.amp.html} → {@code x.html}, {@code x.amp} → {@code x}, {@code amp.html} → nothing. */
    private static String withoutAmpSuffix(final String segment) {
        final String lower = segment.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".amp")) {
            return segment.substring(0, segment.length() - 4);
        }
        final int amp = lower.lastIndexOf(".amp.");
        if (amp >= 0 && lower.indexOf('.', amp + 5) < 0) {
            return segment.substring(0, amp) + segment.substring(amp + 4);
        }
        if (lower.startsWith("amp.") && lower.indexOf('.', 4) < 0) {
            return "";
        }
        return segment;
    }

    private static void appendQuery(final StringBuilder out, final String rawQuery) {
        if (rawQuery.isEmpty()) {
            return;
        }
        final List<String[]> kept = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            if (amp < 0) {
                amp = rawQuery.length();
            }
            if (amp > start) {
                final String parameter = rawQuery.substring(start, amp);
                final int equals = parameter.indexOf('=');
                final String name = normalizeEncoding(equals < 0 ? parameter : parameter.substring(0, equals), true);
                final String value = equals < 0 ? null : normalizeEncoding(parameter.substring(equals + 1), true);
                if (!name.isEmpty() && !isDropped(name, value)) {
                    kept.add(new String[] {name, value});
                }
            }
            start = amp + 1;
        }
        if (kept.isEmpty()) {
            return;
        }
        kept.sort((a, b) -> {
            final int byName = a[0].compareTo(b[0]);
            if (byName != 0) {
                return byName;
            }
            if (a[1] == null || b[1] == null) {
                return a[1] == null ? (b[1] == null ? 0 : -1) : 1;
            }
            return a[1].compareTo(b[1]);
        });
        char separator = '?';
        for (final String[] parameter : kept) {
            out.append(separator).append(parameter[0]);
            if (parameter[1] != null) {
                out.append('=').append(parameter[1]);
            }
            separator = '&';
        }
    }

    private static boolean isDropped(final String name, final String value) {
        final String lowerName = name.toLowerCase(Locale.ROOT);
        if (lowerName.startsWith("utm_") || TRACKING_PARAMETERS.contains(lowerName)) {
            return true;
        }
        if (lowerName.equals("amp")) {
            return value == null || value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("true");
        }
        return (lowerName.equals("outputtype") || lowerName.equals("version")) && "amp".equalsIgnoreCase(value);
    }

    /**
     * RFC 3986 normalization: decode percent-encoded unreserved characters, uppercase the hex of the
     * others, and encode what may not appear raw (space, quotes, non-ASCII as UTF-8, ...).
     */
    private static String normalizeEncoding(final String raw, final boolean inQuery) {
        boolean clean = true;
        for (int i = 0; i < raw.length() && clean; i++) {
            final char c = raw.charAt(i);
            clean = c != '%' && isAllowedRaw(c, inQuery);
        }
        if (clean) {
            return raw;
        }
        final StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            final char c = raw.charAt(i);
            if (c == '%') {
                final int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                final int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    out.append("%25");
                    continue;
                }
                final char decoded = (char) (high * 16 + low);
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(HEX[high]).append(HEX[low]);
                }
                i += 2;
            } else if (isAllowedRaw(c, inQuery)) {
                out.append(c);
            } else {
                final int codePoint = raw.codePointAt(i);
                if (Character.charCount(codePoint) == 2) {
                    i++;
                }
                for (final byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(final char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /** Unreserved, sub-delims, ':' and '@'; the query also keeps '/' and '?' (RFC 3986 3.3, 3.4). */
    private static boolean isAllowedRaw(final char c, final boolean inQuery) {
        if (isUnreserved(c)) {
            return true;
        }
        return switch (c) {
            case '!', '$', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@' -> true;
            case '/', '?' -> inQuery;
            case '&' -> !inQuery;
            default -> false;
        };
    }
}
