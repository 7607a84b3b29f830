package io.heatwire.enrich.config;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Lets {@link KafkaAdmin} create the topics that do not exist and leave the others alone. Left to
 * itself, it raises the partition count of an existing topic to the configured one — which would
 * move story ids to other partitions than the state keyed by them.
 */
final class MissingTopicsOnly implements Predicate<NewTopic> {

    private final KafkaAdmin kafkaAdmin;
    private Set<String> existing;

    MissingTopicsOnly(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public synchronized boolean test(NewTopic topic) {
        if (existing == null) {
            existing = listTopics();
        }
        return !existing.contains(topic.name());
    }

    /**
     * Fails when the broker does not answer, rather than take every topic for missing: the topics are
     * created by an attempt that sees the broker ({@link StreamsStarter} tries again).
     */
    private Set<String> listTopics() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            return admin.listTopics().names().get(kafkaAdmin.getOperationTimeout(), TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not list the existing topics: " + e, e);
        }
    }
}
