package io.heatwire.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.config.IngestProperties;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.Published;

class SpoolConfigurationTest {

    @TempDir
    Path spool;

    @Test
    void shouldWatchTheSpoolDirectoryInServerModeWhenADirectoryIsSet() {
        web().withPropertyValues(
                        "heatwire.ingest.spool.dir=" + spool.resolve("in"), "heatwire.ingest.spool.poll-interval=1h")
                .run(context -> {
                    assertThat(context).hasSingleBean(SpoolScheduler.class);
                    assertThat(context.getBean(SpoolScheduler.class).isRunning())
                            .isTrue();
                    assertThat(spool.resolve("in")).isDirectory();
                });
    }

    @Test
    void shouldNotWatchWhenTheDirectoryIsBlank() {
        web().withPropertyValues("heatwire.ingest.spool.dir=  ")
                .run(context -> assertThat(context).doesNotHaveBean(SpoolWatcher.class));
    }

    @Test
    void shouldNeverWatchDuringAOneShotPublish() {
        new ApplicationContextRunner()
                .withUserConfiguration(Collaborators.class, SpoolConfiguration.class)
                .withPropertyValues("heatwire.ingest.spool.dir=" + spool)
                .run(context -> assertThat(context).doesNotHaveBean(SpoolWatcher.class));
    }

    private static WebApplicationContextRunner web() {
        return new WebApplicationContextRunner().withUserConfiguration(Collaborators.class, SpoolConfiguration.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Collaborators {

        @Bean
        DocumentChecks checks() {
            return new DocumentChecks(1024);
        }

        @Bean
        IngestMetrics metrics() {
            return new IngestMetrics(new SimpleMeterRegistry());
        }

        @Bean
        ArticlePublisher publisher() {
            return new ArticlePublisher() {
                @Override
                public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
                    return CompletableFuture.failedFuture(new IllegalStateException("not in this test"));
                }

                @Override
                public String topic() {
                    return "raw";
                }
            };
        }
    }
}
