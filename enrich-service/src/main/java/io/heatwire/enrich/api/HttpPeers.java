package io.heatwire.enrich.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

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

    /** @param timeout how long one request to a peer may take, connecting included */
    public HttpPeers(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    @Override
    public Lookup get(HostInfo peer, String store, String key) {
        try {
            final HttpResponse<byte[]> response = send(peer, PeerPaths.KEY.replace("{store}", store)
                    + "?key=" + encode(key));
            return switch (response.statusCode()) {
                case 200 -> new Lookup.Found(response.body());
                case 404 -> new Lookup.Absent();
                case 421 -> new Lookup.NotHere();
                default -> new Lookup.Unavailable(peer + " answered " + response.statusCode());
            };
        } catch (IOException e) {
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
                throw new UnavailableException(peer + " answered " + response.statusCode());
            }
            return MAPPER.readValue(response.body(), SliceBody.class).slice();
        } catch (IOException | JacksonException e) {
            throw new UnavailableException(peer + " unreachable: " + e);
        }
    }

    private HttpResponse<byte[]> send(HostInfo peer, String pathAndQuery) throws IOException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port()
                + pathAndQuery)).timeout(timeout).header(PeerPaths.HOP, "1").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
