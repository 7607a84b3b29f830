package io.heatwire.ingest.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.config.IngestProperties;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;

/** Watch mode: only in server mode (never during a one-shot publish) and only with a directory set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Conditional(SpoolEnabledCondition.class)
class SpoolConfiguration {

    @Bean
    SpoolWatcher spoolWatcher(
            IngestProperties properties, DocumentChecks checks, ArticlePublisher publisher, IngestMetrics metrics)
            throws IOException {
        final IngestProperties.Spool spool = properties.ingest().spool();
        final Path dir = Files.createDirectories(Path.of(spool.dir()));
        return new SpoolWatcher(
                dir,
                spool.settleTime(),
                spool.sendTimeout(),
                spool.maxFilesPerPoll(),
                checks,
                publisher,
                metrics,
                Clock.systemUTC());
    }

    @Bean
    SpoolScheduler spoolScheduler(SpoolWatcher watcher, IngestProperties properties) {
        final IngestProperties.Spool spool = properties.ingest().spool();
        return new SpoolScheduler(
                watcher, spool.pollInterval(), spool.sendTimeout().plusSeconds(5));
    }
}
