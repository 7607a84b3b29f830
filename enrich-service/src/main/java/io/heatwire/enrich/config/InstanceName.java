package io.heatwire.enrich.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The name this instance gives its consumer group ({@code group.instance.id}, static membership):
 * restarted under the same name within the session timeout, it takes its tasks back without a
 * rebalance. Two running instances of one application must never share a name: the broker would
 * fence one of them.
 *
 * <p>Unless {@code heatwire.instance.name} is set, the name is the host name and a checksum of the
 * state directory's absolute path: two running instances cannot share a state directory (Kafka
 * Streams locks it), and an instance that restarts on its state directory is the one that owns the
 * tasks whose state it holds.
 */
final class InstanceName {

    /** What the broker accepts as a {@code group.instance.id}. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private static final Pattern ILLEGAL_CHARACTERS = Pattern.compile("[^a-zA-Z0-9._-]+");
    private static final int MAX_HOST_LENGTH = 100;

    private InstanceName() {}

    /** The configured name, checked, or the default for this host and state directory. */
    static String resolve(String configured, Path stateDir) {
        if (configured != null && !configured.isBlank()) {
            return checked(configured.strip());
        }
        return of(hostName(), stateDir);
    }

    /** The default: the host name (what the broker accepts of it) and a checksum of the state directory. */
    static String of(String hostName, Path stateDir) {
        String host =
                ILLEGAL_CHARACTERS.matcher(hostName.toLowerCase(Locale.ROOT)).replaceAll("-");
        if (host.length() > MAX_HOST_LENGTH) {
            host = host.substring(0, MAX_HOST_LENGTH);
        }
        final CRC32 checksum = new CRC32();
        checksum.update(stateDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return (host.isEmpty() ? "host" : host) + "-" + String.format(Locale.ROOT, "%08x", checksum.getValue());
    }

    static String checked(String name) {
        if (!LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "heatwire.instance.name must be 1-200 characters of a-z, A-Z, 0-9, " + "'.', '_' and '-': " + name);
        }
        return name;
    }

    private static String hostName() {
        final String environment = System.getenv("HOSTNAME");
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
