package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;

/**
 * How the commands run: picocli parses the command's own options; the {@code --spring.*=value}
 * arguments are set aside first and go to {@link KafkaClientSettings}, as the service takes them.
 */
final class Commands {

    /** The help's footer: what picocli does not see. */
    static final String SPRING_FOOTER = "%nKafka client settings, security included, are the service's:%n"
            + "  --spring.kafka.PROPERTY=VALUE arguments, SPRING_KAFKA_* environment variables%n"
            + "  or an application.yml beside the jar.";

    private Commands() {}

    /**
     * Runs a command: 0 or 1 as the command decides, 2 for a bad command line, help and version
     * on {@code out}.
     */
    static int execute(Object command, List<String> own, PrintStream out, PrintStream err) {
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(own.toArray(String[]::new));
    }
}
