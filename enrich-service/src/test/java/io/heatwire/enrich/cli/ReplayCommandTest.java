package io.heatwire.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** The replay's command line, through picocli; replaying on a broker is in the ITs. */
class ReplayCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldTakeEveryOptionWithASpaceOrAnEqualsSign() {
        final ReplayCommand.Options spaced = ReplayCommand.Options.parse(
                "--bootstrap-servers",
                "b:9092",
                "--code",
                "MISSING_URL",
                "--dlq-topic",
                "d",
                "--raw-topic",
                "r",
                "--dry-run",
                "--spring.kafka.security.protocol=SSL");
        final ReplayCommand.Options joined = ReplayCommand.Options.parse(
                "--spring.kafka.security.protocol=SSL",
                "--bootstrap-servers=b:9092",
                "--code=MISSING_URL",
                "--dlq-topic=d",
                "--raw-topic=r",
                "--dry-run");

        assertThat(joined).isEqualTo(spaced);
        assertThat(spaced)
                .isEqualTo(new ReplayCommand.Options(
                        "b:9092", "MISSING_URL", "d", "r", true, List.of("--spring.kafka.security.protocol=SSL")));
    }

    @Test
    void shouldReplayEveryCodeToTheTopicsOfTheServicesEnvironmentByDefault() {
        assertThat(ReplayCommand.Options.parse())
                .isEqualTo(new ReplayCommand.Options(
                        null,
                        null,
                        Objects.requireNonNullElse(System.getenv("HEATWIRE_TOPICS_DLQ"), "heatwire.articles.dlq"),
                        Objects.requireNonNullElse(System.getenv("HEATWIRE_TOPICS_RAW"), "heatwire.articles.raw"),
                        false,
                        List.of()));
    }

    @Test
    void shouldListEveryOptionWithHelp() {
        assertThat(run("--help")).isZero();

        assertThat(text(out))
                .startsWith("usage: java -jar enrich-service.jar replay-dead-letters")
                .contains(
                        "--bootstrap-servers=HOST:PORT",
                        "--code=CODE",
                        "--dlq-topic=NAME",
                        "--raw-topic=NAME",
                        "--dry-run",
                        "Default: "
                                + Objects.requireNonNullElse(
                                        System.getenv("HEATWIRE_TOPICS_RAW"), "heatwire.articles.raw"),
                        "--spring.kafka.PROPERTY=VALUE",
                        "--version",
                        "2   bad arguments");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertThat(run("-V")).isZero();
        assertThat(text(out))
                .matches("enrich-service \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    @Test
    void shouldRefuseBadCommandLinesWithExitCodeTwoBeforeTouchingKafka() {
        assertThat(run("--code")).isEqualTo(2);
        assertThat(run("--dry-run=maybe")).isEqualTo(2);
        assertThat(run("--colour", "red")).isEqualTo(2);
        assertThat(run("--spring.kafka.consumer.max-poll-records=many")).isEqualTo(2);

        assertThat(text(err))
                .contains(
                        "Missing required parameter for option '--code' (CODE)",
                        "Invalid value for option '--dry-run': 'maybe' is not a boolean",
                        "Unknown options: '--colour', 'red'",
                        "invalid spring.kafka settings",
                        "usage: java -jar enrich-service.jar replay-dead-letters");
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return ReplayCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
