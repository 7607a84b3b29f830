package io.heatwire.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IngestPropertiesTest {

    @Test
    void shouldDefaultEverySettingWhenNothingIsConfigured() {
        final IngestProperties properties = bind(Map.of("heatwire.unrelated", "x"));

        assertThat(properties.topics()).isEqualTo(new IngestProperties.RawTopic("heatwire.articles.raw", 6, (short) 1));
        assertThat(properties.ingest().maxDocumentBytes()).isEqualTo(1_048_576);
        assertThat(properties.ingest().tokenRequired()).isFalse();
        assertThat(properties.ingest().spool().enabled()).isFalse();
        assertThat(properties.ingest().spool().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.ingest().http().sendTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldBindTheDocumentedPropertyNames() {
        final IngestProperties properties = bind(Map.of(
                "heatwire.topics.raw", "raw",
                "heatwire.topics.partitions", "2",
                "heatwire.topics.replication-factor", "3",
                "heatwire.ingest.max-document-bytes", "2048",
                "heatwire.ingest.token", " t ",
                "heatwire.ingest.spool.dir", "/spool",
                "heatwire.ingest.spool.settle-time", "500ms"));

        assertThat(properties.topics()).isEqualTo(new IngestProperties.RawTopic("raw", 2, (short) 3));
        assertThat(properties.ingest().maxDocumentBytes()).isEqualTo(2048);
        assertThat(properties.ingest().token()).isEqualTo("t");
        assertThat(properties.ingest().spool().enabled()).isTrue();
        assertThat(properties.ingest().spool().settleTime()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldRefuseALimitOfZero() {
        assertThatThrownBy(() -> bind(Map.of("heatwire.ingest.max-document-bytes", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("heatwire.ingest.max-document-bytes");
    }

    private static IngestProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("heatwire", IngestProperties.class);
    }
}
