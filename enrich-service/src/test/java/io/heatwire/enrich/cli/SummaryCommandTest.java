package io.heatwire.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** The summary's command line, through picocli; running it against a broker is in the ITs. */
class SummaryCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldTakeEveryOptionWithASpaceOrAnEqualsSign() {
        final SummaryCommand.Options spaced = SummaryCommand.Options.parse(
                "--bootstrap-servers",
                "b:9092",
                "--application-id",
                "app",
                "--wait-seconds",
                "7",
                "--raw-topic",
                "r",
                "--dlq-topic",
                "d",
                "--stories-topic",
                "s",
                "--clusters-topic",
                "c",
                "--story-events-topic",
                "e",
                "--providers-topic",
                "p",
                "--topics-topic",
                "t",
                "--spring.kafka.security.protocol=SSL");
        final SummaryCommand.Options joined = SummaryCommand.Options.parse(
                "--bootstrap-servers=b:9092",
                "--application-id=app",
                "--wait-seconds=7",
                "--raw-topic=r",
                "--dlq-topic=d",
                "--stories-topic=s",
                "--spring.kafka.security.protocol=SSL",
                "--clusters-topic=c",
                "--story-events-topic=e",
                "--providers-topic=p",
                "--topics-topic=t");

        assertThat(joined).isEqualTo(spaced);
        assertThat(spaced)
                .isEqualTo(new SummaryCommand.Options(
                        "b:9092",
                        "app",
                        Duration.ofSeconds(7),
                        "r",
                        "d",
                        "s",
                        "c",
                        "e",
                        "p",
                        "t",
                        List.of("--spring.kafka.security.protocol=SSL")));
    }

    @Test
    void shouldTakeTheDefaultsFromTheServicesEnvironmentVariables() {
        final SummaryCommand.Options options = SummaryCommand.Options.parse();

        assertThat(options.bootstrapServers()).isNull();
        assertThat(options.waitFor()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.applicationId()).isEqualTo(env("SPRING_KAFKA_STREAMS_APPLICATION_ID", "heatwire-enrich"));
        assertThat(options.rawTopic()).isEqualTo(env("HEATWIRE_TOPICS_RAW", "heatwire.articles.raw"));
        assertThat(options.dlqTopic()).isEqualTo(env("HEATWIRE_TOPICS_DLQ", "heatwire.articles.dlq"));
        assertThat(options.storiesTopic()).isEqualTo(env("HEATWIRE_TOPICS_STORIES", "heatwire.stories"));
        assertThat(options.clustersTopic()).isEqualTo(env("HEATWIRE_TOPICS_CLUSTERS", "heatwire.clusters"));
        assertThat(options.storyEventsTopic())
                .isEqualTo(env("HEATWIRE_TOPICS_STORY_EVENTS", "heatwire-enrich.story-events"));
        assertThat(options.providersTopic()).isEqualTo(env("HEATWIRE_TOPICS_PROVIDERS", "heatwire.providers"));
        assertThat(options.topicsTopic()).isEqualTo(env("HEATWIRE_TOPICS_TOPICS", "heatwire.topics"));
        assertThat(options.springArguments()).isEmpty();
    }

    @Test
    void shouldListEveryOptionWithHelp() {
        assertThat(run("--help")).isZero();

        assertThat(text(out))
                .startsWith("usage: java -jar enrich-service.jar summary")
                .contains(
                        "--bootstrap-servers=HOST:PORT",
                        "--application-id=ID",
                        "--wait-seconds=N",
                        "Default: 120",
                        "--raw-topic=NAME",
                        "--dlq-topic=NAME",
                        "--stories-topic=NAME",
                        "--clusters-topic=NAME",
                        "--story-events-topic=NAME",
                        "--providers-topic=NAME",
                        "--topics-topic=NAME",
                        "HEATWIRE_TOPICS_RAW",
                        "--spring.kafka.PROPERTY=VALUE",
                        "--version",
                        "2   bad arguments");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(text(out))
                .matches("enrich-service \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    @Test
    void shouldRefuseBadCommandLinesWithExitCodeTwoBeforeTouchingKafka() {
        assertThat(run("--bogus")).isEqualTo(SummaryCommand.EXIT_USAGE);
        assertThat(run("--wait-seconds", "soon")).isEqualTo(SummaryCommand.EXIT_USAGE);
        assertThat(run("--wait-seconds=-1")).isEqualTo(SummaryCommand.EXIT_USAGE);
        assertThat(run("--raw-topic")).isEqualTo(SummaryCommand.EXIT_USAGE);
        assertThat(run("--spring.kafka.ssl.bundle=kafka")).isEqualTo(SummaryCommand.EXIT_USAGE);
        assertThat(run("stories")).isEqualTo(SummaryCommand.EXIT_USAGE);

        assertThat(text(err))
                .contains(
                        "Unknown option: '--bogus'",
                        "Invalid value for option '--wait-seconds': 'soon' is not a long",
                        "--wait-seconds must not be negative: -1",
                        "Missing required parameter for option '--raw-topic' (NAME)",
                        "spring.kafka.ssl.bundle is not supported",
                        "Unmatched argument at index 0: 'stories'",
                        "usage: java -jar enrich-service.jar summary");
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return SummaryCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
