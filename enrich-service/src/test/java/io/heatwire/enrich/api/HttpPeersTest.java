package io.heatwire.enrich.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heatwire.enrich.query.Lookup;
import io.heatwire.enrich.query.Slice;
import io.heatwire.enrich.query.UnavailableException;

/** Forwarding over real HTTP to a stand-in peer: what is asked, with which header, and how answers map. */
class HttpPeersTest {

    private static final Map<String, Integer> STATUS_BY_KEY =
            Map.of("found", 200, "absent", 404, "moved", 421, "restoring", 503);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HttpServer server;
    private HostInfo peer;
    private HttpPeers peers;

    @BeforeEach
    void startPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/internal/views/", this::answer);
        server.start();
        peer = new HostInfo("127.0.0.1", server.getAddress().getPort());
        peers = new HttpPeers(Duration.ofSeconds(5), meters);
    }

    @AfterEach
    void stopPeer() {
        server.stop(0);
    }

    @Test
    void shouldAskTheOwnersViewOnceWithTheHopHeaderAndMapItsAnswer() {
        assertThat(peers.get(peer, "stories-view", "found"))
                .isInstanceOfSatisfying(
                        Lookup.Found.class,
                        found -> assertThat(new String(found.value(), StandardCharsets.UTF_8))
                                .isEqualTo("{\"key\":\"found\"}"));
        assertThat(peers.get(peer, "stories-view", "absent")).isInstanceOf(Lookup.Absent.class);
        assertThat(peers.get(peer, "stories-view", "moved")).isInstanceOf(Lookup.NotHere.class);
        assertThat(peers.get(peer, "stories-view", "restoring")).isInstanceOf(Lookup.Unavailable.class);

        assertThat(requests)
                .containsExactly(
                        "hop=1 /api/internal/views/stories-view?key=found",
                        "hop=1 /api/internal/views/stories-view?key=absent",
                        "hop=1 /api/internal/views/stories-view?key=moved",
                        "hop=1 /api/internal/views/stories-view?key=restoring");
        assertThat(meters.counter("heatwire.query.forwards", "kind", "key", "outcome", "found")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldEncodeKeysThatAreNotPlainWords() {
        peers.get(peer, "topics-view", "a b&c");

        assertThat(requests).containsExactly("hop=1 /api/internal/views/topics-view?key=a+b%26c");
    }

    @Test
    void shouldReadARangeWithItsPartitions() {
        final Slice slice = peers.range(peer, "clusters-by-heat", "", "~", "x|1", 3);

        assertThat(slice.partitions()).containsExactlyInAnyOrder(1, 4);
        assertThat(slice.entries()).extracting(Slice.Entry::key).containsExactly("k1");
        assertThat(requests)
                .containsExactly("hop=1 /api/internal/views/clusters-by-heat/range?limit=3&from=&to=%7E&after=x%7C1");
    }

    @Test
    void shouldBeUnavailableWhenThePeerIsGone() {
        server.stop(0);

        assertThat(peers.get(peer, "stories-view", "found")).isInstanceOf(Lookup.Unavailable.class);
        assertThatThrownBy(() -> peers.range(peer, "stories-view", null, null, null, 3))
                .isInstanceOf(UnavailableException.class);
        assertThat(meters.counter("heatwire.query.forwards", "kind", "range", "outcome", "unreachable")
                        .count())
                .isEqualTo(1.0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        final String query = exchange.getRequestURI().getRawQuery();
        requests.add("hop=" + exchange.getRequestHeaders().getFirst("X-Heatwire-Hop") + " "
                + exchange.getRequestURI().getRawPath() + "?" + query);
        final String body;
        final int status;
        if (exchange.getRequestURI().getPath().endsWith("/range")) {
            status = 200;
            body = "{\"partitions\":[1,4],\"entries\":[{\"key\":\"k1\",\"record\":{\"id\":\"k1\"}}]}";
        } else {
            final String key = query.substring("key=".length());
            status = STATUS_BY_KEY.getOrDefault(key, 404);
            body = "{\"key\":\"" + key + "\"}";
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
