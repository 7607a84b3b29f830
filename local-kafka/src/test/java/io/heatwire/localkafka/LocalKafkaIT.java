package io.heatwire.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void shouldCommitTransactionsAndKeepDataAcrossRestart() throws Exception {
        final BrokerSettings settings = LocalKafkaProcess.settingsOnFreePorts(dataDir);
        try (LocalKafkaProcess broker = LocalKafkaProcess.start(settings, STARTUP)) {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 3, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            // A transactional producer only works when the transaction-state topic can be created
            // with the single-node settings: this is what exactly_once_v2 needs.
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "local-kafka-it",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k1", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k2", "aborted"));
                producer.abortTransaction();
            }
            assertThat(readCommitted(broker.bootstrapServers(), "t", 1)).containsExactly("committed");
        }
        final String clusterIdBefore = Files.readString(settings.logDir().resolve("meta.properties"));

        try (LocalKafkaProcess again = LocalKafkaProcess.start(settings, STARTUP)) {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("t");
            }
            assertThat(readCommitted(again.bootstrapServers(), "t", 1)).containsExactly("committed");
        }
        assertThat(Files.readString(settings.logDir().resolve("meta.properties")))
                .as("the second start reuses the formatted storage")
                .isEqualTo(clusterIdBefore);
    }

    @Test
    void shouldAcceptOnlyTheScramUserAndItsPasswordOnTheClientListener() throws Exception {
        final ScramUser user = new ScramUser("heatwire", "local-kafka-it-secret");
        final BrokerSettings settings =
                LocalKafkaProcess.settingsOnFreePorts(dataDir).withScram(user);
        try (LocalKafkaProcess broker = LocalKafkaProcess.start(settings, STARTUP)) {
            try (Admin admin = Admin.create(broker.clientConfig())) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            // Transaction markers go from the broker to its own client listener: this proves the
            // broker logs in there as well.
            final Map<String, Object> producerConfig = new HashMap<>(broker.clientConfig());
            producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-it-scram");
            producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k1", "committed"));
                producer.commitTransaction();
            }
            assertThat(readCommitted(broker.clientConfig(), "t", 1)).containsExactly("committed");

            final Map<String, Object> wrongPassword = new HashMap<>(broker.clientConfig());
            wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG, new ScramUser("heatwire", "wrong").jaasConfig());
            wrongPassword.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            wrongPassword.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
            try (Admin admin = Admin.create(wrongPassword)) {
                assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .as("a client with a wrong password")
                        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
        assertThat(Files.readString(dataDir.resolve(LocalKafka.SCRAM_USER_FILE)))
                .isEqualTo("heatwire");

        // SCRAM users are created when the storage is formatted: another user cannot appear later.
        final BrokerSettings otherUser = settings.withScram(new ScramUser("someone-else", "secret"));
        assertThatThrownBy(() -> LocalKafka.prepare(otherUser))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("formatted without the SCRAM user someone-else")
                .hasMessageContaining("delete the directory");
    }

    @Test
    void shouldRefuseABusyPortWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            final Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            LocalKafka.class.getName(),
                            "--port",
                            Integer.toString(taken.getLocalPort()),
                            "--data-dir",
                            dataDir.toString())
                    .redirectErrorStream(true)
                    .start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(LocalKafka.EXIT_PORT_BUSY);
            assertThat(output)
                    .contains("Port " + taken.getLocalPort())
                    .contains("already in use")
                    .contains("--port");
        }
    }

    private static List<String> readCommitted(String bootstrap, String topic, int expected) {
        return readCommitted(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, expected);
    }

    private static List<String> readCommitted(Map<String, Object> clientConfig, String topic, int expected) {
        final List<String> values = new ArrayList<>();
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // one more poll: an aborted record would show up now if isolation were broken
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
