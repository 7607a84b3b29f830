package io.heatwire.ingest;

import java.io.PrintWriter;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.heatwire.ingest.publish.PublishRequest;

/**
 * ingest-service. With {@code publish PATH...} as arguments it publishes once and exits (no web
 * server); otherwise it serves HTTP and, when configured, watches a spool directory.
 */
@SpringBootApplication
public class IngestApplication {

    public static void main(String[] args) {
        if (PublishRequest.isPublish(args)) {
            System.exit(publish(args));
        }
        SpringApplication.run(IngestApplication.class, args);
    }

    /** Runs the one-shot command and returns its exit code; the caller decides whether to exit. */
    public static int publish(String... args) {
        // Help, version and usage errors are answered before Spring starts, so they never wait for a
        // broker. Spring then reads its own properties from the same command line.
        return PublishRequest.execute(
                args,
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                request -> publishWithSpring(args));
    }

    private static int publishWithSpring(String... args) {
        final SpringApplication application = new SpringApplication(IngestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        // Keep the console for the command's own output, which reports every failed file itself;
        // the user can still raise levels with --logging.level.*. Shorter broker waits than a server's:
        // with no broker, a person at a terminal learns it in seconds, not minutes.
        application.setDefaultProperties(Map.of(
                "logging.level.root", "WARN",
                "logging.level.io.heatwire", "INFO",
                "logging.level.org.apache.kafka", "ERROR",
                "logging.level.org.springframework.kafka.core.KafkaAdmin", "OFF",
                "logging.level.org.springframework.kafka.support.LoggingProducerListener", "OFF",
                "spring.main.log-startup-info", "false",
                "spring.kafka.admin.operation-timeout", "10s",
                "spring.kafka.admin.close-timeout", "2s",
                "spring.kafka.producer.properties.max.block.ms", "15000"));
        return SpringApplication.exit(application.run(args));
    }
}
