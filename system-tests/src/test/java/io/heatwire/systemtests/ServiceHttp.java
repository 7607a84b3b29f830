package io.heatwire.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.heatwire.support.process.ChildProcess;

/** HTTP to the services an end-to-end test started on this machine. */
final class ServiceHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private ServiceHttp() {}

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(request(port, path).timeout(Duration.ofSeconds(10)).GET());
    }

    /** A POST of the body, with headers given as name, value, name, value... */
    static HttpResponse<String> post(int port, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        final HttpRequest.Builder request =
                request(port, path).timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Waits until the service's readiness probe answers {@code status}; fails when it exits. */
    static void awaitReadiness(ChildProcess service, int port, int status, Duration timeout) {
        await(service.name() + " readiness " + status + " (log: " + service.log() + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .failFast(service.name() + " exited; see " + service.log(), () -> !service.isAlive())
                .ignoreExceptions()
                .until(() -> get(port, "/actuator/health/readiness").statusCode() == status);
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
