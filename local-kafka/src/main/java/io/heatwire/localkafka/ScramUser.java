package io.heatwire.localkafka;

import java.util.regex.Pattern;

/**
 * The one SCRAM-SHA-512 user of a broker started with {@code --sasl-scram USER:PASSWORD}. The
 * credential is written into the cluster metadata when the storage is formatted, so it exists
 * before the first client connects.
 *
 * @param name the user name, as clients give it in {@code username="..."}
 * @param password the password; never part of {@link #toString()}
 */
public record ScramUser(String name, String password) {

    /** The only mechanism the client listener offers. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * Characters the storage tool's {@code --add-scram} syntax (comma-separated, optionally quoted
     * values) and a JAAS option string (double-quoted) both carry unchanged.
     */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~!@#$%^&*+=/:;?-]+");

    public ScramUser {
        check(name, "user name");
        check(password, "password");
        if (name.contains(":")) {
            throw new IllegalArgumentException("--sasl-scram: the user name must not contain ':'");
        }
    }

    /** Parses {@code USER:PASSWORD}; the password may contain further colons. */
    public static ScramUser parse(String value) {
        final int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("--sasl-scram needs USER:PASSWORD");
        }
        return new ScramUser(value.substring(0, colon), value.substring(colon + 1));
    }

    /** The client side of the login: what {@code sasl.jaas.config} holds for this user. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name + "\" password=\""
                + password + "\";";
    }

    /** The storage tool's {@code --add-scram} value that creates this user. */
    String formatArgument() {
        return MECHANISM + "=[name=\"" + name + "\",password=\"" + password + "\"]";
    }

    /** The password stays out of logs and failure messages. */
    @Override
    public String toString() {
        return "ScramUser[name=" + name + ", password=****]";
    }

    private static void check(String value, String what) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "--sasl-scram: the " + what
                            + " must be non-empty and use only letters, digits and ._~!@#$%^&*+=/:;?- (no quotes, commas, spaces)");
        }
    }
}
