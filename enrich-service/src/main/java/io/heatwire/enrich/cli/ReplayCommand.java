package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.support.cli.BuildVersion;
import io.heatwire.support.contract.DeadLetterHeaders;
import io.heatwire.support.contract.DefaultTopics;

/**
 * {@code enrich-service replay-dead-letters}: produces the dead letters back to the raw topic — key,
 * value and original headers unchanged, heatwire's error headers removed — once the producer of
 * the bad documents is fixed (or the limits raised). Replaying a document that was already
 * processed changes nothing (stories are idempotent); one that still fails is dead-lettered again.
 *
 * <p>Exit codes: 0 when every selected record was replayed, 1 on failure, 2 for bad arguments.
 */
@Command(
        name = "java -jar enrich-service.jar replay-dead-letters",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        synopsisHeading = "usage: ",
        sortOptions = false,
        showDefaultValues = true,
        description = "Produces the dead letters back to the raw topic: key, value and original headers unchanged, "
                + "the error headers removed. A document that still fails is dead-lettered again.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every selected dead letter was replayed (or listed, with --dry-run)",
            "1:failed",
            "2:bad arguments"
        },
        footer = Commands.SPRING_FOOTER)
public final class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = {
                "the Kafka cluster",
                "default: the service's spring.kafka.bootstrap-servers, else localhost:9092"
            })
    private String bootstrapServers;

    @Option(
            names = "--code",
            paramLabel = "CODE",
            description = "only the dead letters with this error code, e.g. MISSING_URL (default: all)")
    private String code;

    @Option(
            names = "--dlq-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_DLQ:-" + DefaultTopics.DEAD_LETTERS + "}",
            description = "the dead-letter topic (HEATWIRE_TOPICS_DLQ)")
    private String dlqTopic;

    @Option(
            names = "--raw-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_RAW:-" + DefaultTopics.RAW + "}",
            description = "the raw topic (HEATWIRE_TOPICS_RAW)")
    private String rawTopic;

    @Option(names = "--dry-run", description = "list what would be replayed, produce nothing")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final List<String> springArguments;
    private final PrintStream out;
    private final PrintStream err;

    private ReplayCommand(List<String> springArguments, PrintStream out, PrintStream err) {
        this.springArguments = springArguments;
        this.out = out;
        this.err = err;
    }

    public static int run(String[] commandLine, PrintStream out, PrintStream err) {
        final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(commandLine);
        return Commands.execute(new ReplayCommand(arguments.spring(), out, err), arguments.own(), out, err);
    }

    /** What the command line asks for. */
    record Options(
            String bootstrapServers,
            String code,
            String dlqTopic,
            String rawTopic,
            boolean dryRun,
            List<String> springArguments) {

        /** Parses a command line as {@link ReplayCommand#run} does, without running it. */
        static Options parse(String... args) {
            final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(args);
            final ReplayCommand command = new ReplayCommand(arguments.spring(), System.out, System.err);
            new CommandLine(command).parseArgs(arguments.own().toArray(String[]::new));
            return command.options();
        }
    }

    Options options() {
        return new Options(bootstrapServers, code, dlqTopic, rawTopic, dryRun, springArguments);
    }

    @Override
    public Integer call() {
        final KafkaClientSettings kafka;
        try {
            kafka = KafkaClientSettings.load(springArguments, bootstrapServers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            final List<ConsumerRecord<byte[], byte[]>> selected = read(kafka, dlqTopic, code);
            if (dryRun) {
                selected.forEach(r -> out.printf(
                        "%s-%d@%d %s: %s%n",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        DeadLetters.header(r.headers(), DeadLetterHeaders.CODE),
                        DeadLetters.header(r.headers(), DeadLetterHeaders.MESSAGE)));
                out.printf("%d dead letters would be replayed to %s%n", selected.size(), rawTopic);
                return 0;
            }
            final int replayed = replay(kafka, rawTopic, selected);
            out.printf(
                    "replayed %d dead letters%s to %s%n", replayed, code == null ? "" : " with code " + code, rawTopic);
            return 0;
        } catch (Exception e) {
            err.println("replay failed: " + e);
            return 1;
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> read(KafkaClientSettings kafka, String topic, String code) {
        final List<ConsumerRecord<byte[], byte[]>> selected = new ArrayList<>();
        TopicScan.scan(kafka, topic, record -> {
            if (code == null || code.equals(DeadLetters.header(record.headers(), DeadLetterHeaders.CODE))) {
                selected.add(record);
            }
        });
        return selected;
    }

    private static int replay(KafkaClientSettings kafka, String rawTopic, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        final Map<String, Object> config = kafka.producer(
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                sends.add(producer.send(
                        new ProducerRecord<>(rawTopic, null, record.key(), record.value(), originalHeaders(record))));
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
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }
}
