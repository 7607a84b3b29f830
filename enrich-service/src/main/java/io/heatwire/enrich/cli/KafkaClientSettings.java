package io.heatwire.enrich.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The Kafka client settings of a command, read the way the service reads them: {@code spring.kafka.*}
 * from {@code --spring.kafka...=value} arguments, {@code SPRING_KAFKA_*} environment variables and
 * {@code application.yml} (the jar's, and one beside it), so security settings that work for the
 * service work for its commands too. A command runs without Spring's context (it starts in a
 * second), but builds its clients' properties with Spring Boot's own {@link KafkaProperties}.
 */
final class KafkaClientSettings {

    /** The prefix of the arguments a command hands to Spring's environment. */
    static final String SPRING_ARGUMENT = "--spring.";

    private final KafkaProperties properties;
    private final String bootstrapServers;

    private KafkaClientSettings(KafkaProperties properties, String bootstrapServers) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
    }

    /** Whether a command-line argument is a Spring property ({@code --spring.x.y=value}). */
    static boolean isSpringArgument(String argument) {
        return argument.startsWith(SPRING_ARGUMENT) && argument.indexOf('=') > SPRING_ARGUMENT.length();
    }

    /**
     * @param springArguments the command's {@code --spring.*=value} arguments
     * @param bootstrapServers the command's {@code --bootstrap-servers}, which wins over
     *     {@code spring.kafka.bootstrap-servers}; null when not given
     * @throws IllegalArgumentException when a {@code spring.kafka.*} value does not bind
     */
    static KafkaClientSettings load(List<String> springArguments, String bootstrapServers) {
        final StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SimpleCommandLinePropertySource(springArguments.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        final KafkaProperties properties;
        try {
            properties = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
        } catch (BindException e) {
            throw new IllegalArgumentException("invalid spring.kafka settings: " + e.getMessage(), e);
        }
        // Spring Boot resolves SSL bundles in the application context, which a command does not start.
        if (properties.getSsl().getBundle() != null) {
            throw new IllegalArgumentException("spring.kafka.ssl.bundle is not supported by the commands: give the "
                    + "stores as spring.kafka.ssl.trust-store-location, .key-store-location and their passwords");
        }
        final String bootstrap =
                bootstrapServers != null ? bootstrapServers : String.join(",", properties.getBootstrapServers());
        return new KafkaClientSettings(properties, bootstrap);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code spring.kafka.*} and {@code spring.kafka.admin.*}, plus the command's own settings. */
    Map<String, Object> admin(Map<String, Object> overrides) {
        return withBootstrap(properties.buildAdminProperties(), overrides);
    }

    /** {@code spring.kafka.*} and {@code spring.kafka.consumer.*}, plus the command's own settings. */
    Map<String, Object> consumer(Map<String, Object> overrides) {
        return withBootstrap(properties.buildConsumerProperties(), overrides);
    }

    /** {@code spring.kafka.*} and {@code spring.kafka.producer.*}, plus the command's own settings. */
    Map<String, Object> producer(Map<String, Object> overrides) {
        return withBootstrap(properties.buildProducerProperties(), overrides);
    }

    private Map<String, Object> withBootstrap(Map<String, Object> built, Map<String, Object> overrides) {
        final Map<String, Object> config = new HashMap<>(built);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(overrides);
        return config;
    }

    /** Splits a command line into the command's own arguments and the Spring properties. */
    record Arguments(List<String> own, List<String> spring) {

        static Arguments split(String[] args) {
            final List<String> own = new ArrayList<>();
            final List<String> spring = new ArrayList<>();
            for (String arg : args) {
                (isSpringArgument(arg) ? spring : own).add(arg);
            }
            return new Arguments(List.copyOf(own), List.copyOf(spring));
        }
    }
}
