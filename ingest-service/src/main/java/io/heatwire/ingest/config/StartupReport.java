package io.heatwire.ingest.config;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** One line at start-up that says what this process is going to do, and where to. */
@Component
class StartupReport implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final IngestProperties properties;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;

    StartupReport(IngestProperties properties, KafkaTemplate<String, byte[]> kafkaTemplate) {
        this.properties = properties;
        this.kafkaTemplate = kafkaTemplate;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        final Object bootstrap = kafkaTemplate
                .getProducerFactory()
                .getConfigurationProperties()
                .get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        final String mode;
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
            mode = "publish (one-shot)";
        } else {
            final IngestProperties.Spool spool = properties.ingest().spool();
            mode = String.format(
                    "server (POST /api/articles on port %s, token %s, spool %s)",
                    event.getApplicationContext().getEnvironment().getProperty("local.server.port", "?"),
                    properties.ingest().tokenRequired() ? "required" : "not required",
                    spool.enabled() ? "watching " + spool.dir() : "off");
        }
        log.info(
                "ingest-service mode: {}; bootstrap servers: {}; raw topic: {}; max document bytes: {}",
                mode,
                bootstrap,
                properties.topics().raw(),
                properties.ingest().maxDocumentBytes());
    }
}
