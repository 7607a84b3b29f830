package io.heatwire.enrich.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.state.HostInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.enrich.query.Lookup;
import io.heatwire.enrich.query.Peers;
import io.heatwire.enrich.query.Slice;
import io.heatwire.enrich.query.UnavailableException;

/** The other instances' views over HTTP ({@link PeerPaths}), with the JDK's client. */
public final class HttpPeers implements Peers {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;
    private final MeterRegistry meters;

    /**
     * @param timeout how long one request to a peer may take, connecting included
     * @param meters  where {@code heatwire.query.forwards} counts the requests by kind and outcome
     */
    public HttpPeers(Duration timeout, MeterRegistry meters) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.meters = meters;
    }

    @Override
    public Lookup get(HostInfo peer, String store, String key) {
        try {
            final HttpResponse<byte[]> response =
                    send(peer, PeerPaths.KEY.replace("{store}", store) + "?key=" + encode(key));
            final Lookup lookup = switch (response.statusCode()) {
                case 200 -> new Lookup.Found(response.body());
                case 404 -> new Lookup.Absent();
                case 421 -> new Lookup.NotHere();
                default -> new Lookup.Unavailable(peer + " answered " + response.statusCode());
            };
            count("key", lookup.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            return lookup;
        } catch (IOException e) {
            count("key", "unreachable");
            return new Lookup.Unavailable(peer + " unreachable: " + e);
        }
    }

    @Override
    public Slice range(HostInfo peer, String store, String from, String to, String after, int limit) {
        final StringJoiner query = new StringJoiner("&", "?", "");
        query.add("limit=" + limit);
        if (from != null) {
            query.add("from=" + encode(from));
        }
        if (to != null) {
            query.add("to=" + encode(to));
        }
        if (after != null) {
            query.add("after=" + encode(after));
        }
        try {
            final HttpResponse<byte[]> response = send(peer, PeerPaths.RANGE.replace("{store}", store) + query);
            if (response.statusCode() != 200) {
                count("range", "unavailable");
                throw new UnavailableException(peer + " answered " + response.statusCode());
            }
            final Slice slice =
                    MAPPER.readValue(response.body(), SliceBody.class).slice();
            count("range", "found");
            return slice;
        } catch (IOException | JacksonException e) {
            count("range", "unreachable");
            throw new UnavailableException(peer + " unreachable: " + e);
        }
    }

    private HttpResponse<byte[]> send(HostInfo peer, String pathAndQuery) throws IOException {
        final HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(timeout)
                .header(PeerPaths.HOP, "1")
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void count(String kind, String outcome) {
        meters.counter("heatwire.query.forwards", "kind", kind, "outcome", outcome)
                .increment();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
