package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.heatwire.enrich.deadletter.DeadLetters;

/**
 * {@code enrich-service replay-dead-letters}: produces the dead letters back to the raw topic — key,
 * value and original headers unchanged, heatwire's error headers removed — once the producer of
 * the bad documents is fixed (or the limits raised). Replaying a document that was already
 * processed changes nothing (stories are idempotent); one that still fails is dead-lettered again.
 *
 * <p>Exit codes: 0 when every selected record was replayed, 1 on failure, 2 for bad arguments.
 */
public final class ReplayCommand {

    private static final String USAGE = "usage: enrich-service replay-dead-letters [--bootstrap-servers HOST:PORT] "
            + "[--code CODE] [--dlq-topic NAME] [--raw-topic NAME] [--dry-run] [--spring.kafka.PROPERTY=VALUE ...]";

    private ReplayCommand() {
    }

    public static int run(String[] commandLine, PrintStream out, PrintStream err) {
        final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(commandLine);
        final String[] args = arguments.own().toArray(String[]::new);
        final Map<String, String> options = new HashMap<>(Map.of(
                "--dlq-topic", TopicScan.env("HEATWIRE_TOPICS_DLQ", "heatwire.articles.dlq"),
                "--raw-topic", TopicScan.env("HEATWIRE_TOPICS_RAW", "heatwire.articles.raw")));
        String bootstrapServers = null;
        String code = null;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (i + 1 < args.length && args[i].equals("--bootstrap-servers")) {
                bootstrapServers = args[++i];
            } else if (i + 1 < args.length && (options.containsKey(args[i]) || args[i].equals("--code"))) {
                if (args[i].equals("--code")) {
                    code = args[++i];
                } else {
                    options.put(args[i], args[++i]);
                }
            } else {
                err.println("unknown or incomplete option " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        final KafkaClientSettings kafka;
        try {
            kafka = KafkaClientSettings.load(arguments.spring(), bootstrapServers);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            final List<ConsumerRecord<byte[], byte[]>> selected =
                    read(kafka, options.get("--dlq-topic"), code);
            if (dryRun) {
                selected.forEach(r -> out.printf("%s-%d@%d %s: %s%n", r.topic(), r.partition(), r.offset(),
                        DeadLetters.header(r.headers(), DeadLetters.CODE), DeadLetters.header(r.headers(), DeadLetters.MESSAGE)));
                out.printf("%d dead letters would be replayed to %s%n", selected.size(), options.get("--raw-topic"));
                return 0;
            }
            final int replayed = replay(kafka, options.get("--raw-topic"), selected);
            out.printf("replayed %d dead letters%s to %s%n", replayed, code == null ? "" : " with code " + code,
                    options.get("--raw-topic"));
            return 0;
        } catch (Exception e) {
            err.println("replay failed: " + e);
            return 1;
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> read(KafkaClientSettings kafka, String topic, String code) {
        final List<ConsumerRecord<byte[], byte[]>> selected = new ArrayList<>();
        TopicScan.scan(kafka, topic, record -> {
            if (code == null || code.equals(DeadLetters.header(record.headers(), DeadLetters.CODE))) {
                selected.add(record);
            }
        });
        return selected;
    }

    private static int replay(KafkaClientSettings kafka, String rawTopic, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        final Map<String, Object> config = kafka.producer(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                sends.add(producer.send(new ProducerRecord<>(rawTopic, null, record.key(), record.value(),
                        originalHeaders(record))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(2, TimeUnit.MINUTES);
            }
            return sends.size();
        }
    }

    static RecordHeaders originalHeaders(ConsumerRecord<byte[], byte[]> record) {
        final RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetters.PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

}
