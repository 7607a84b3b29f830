package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.heatwire.ingest.EmbeddedBrokerTestSupport;
import io.heatwire.ingest.IngestApplication;
import io.heatwire.ingest.RawTopicProbe;
import io.heatwire.ingest.check.RejectionCode;
import io.heatwire.support.contract.RawRecordHeaders;

class PublishCommandIT extends EmbeddedBrokerTestSupport {

    static final Path SEEDS = Path.of("..", "seeds");

    @Autowired
    PublishCommand command;

    @TempDir
    Path dir;

    @Test
    void shouldPublishEverySeedByteForByteWithSourceHeaders() throws Exception {
        final Map<TopicPartition, Long> mark = rawTopic.mark();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final PublishSummary summary =
                command.execute(PublishRequest.from("publish", SEEDS.toString()), print(output), false);

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.published()).isEqualTo(5);
        final List<Path> seeds = seedFiles();
        assertThat(summary.bytes()).isEqualTo(totalSize(seeds));
        assertThat(text(output)).startsWith("published 5, rejected 0, failed 0, " + summary.bytes() + " bytes");

        final Map<String, ConsumerRecord<String, byte[]>> records = RawTopicProbe.byKey(rawTopic.awaitRecords(mark, 5));
        assertThat(records).hasSize(5);
        for (final Path seed : seeds) {
            final String key = seed.getFileName().toString();
            final ConsumerRecord<String, byte[]> record = records.get(key);
            assertThat(record).as(key).isNotNull();
            final byte[] bytes = Files.readAllBytes(seed);
            assertThat(record.value()).isEqualTo(bytes);
            assertThat(RawTopicProbe.header(record, RawRecordHeaders.CONTENT_SHA256))
                    .isEqualTo(KafkaArticlePublisher.sha256Hex(bytes))
                    .matches("[0-9a-f]{64}");
            assertThat(RawTopicProbe.header(record, RawRecordHeaders.SOURCE))
                    .isEqualTo(seed.toAbsolutePath().normalize().toString());
            assertThat(Instant.parse(RawTopicProbe.header(record, "ingested-at")))
                    .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        }
    }

    @Test
    void shouldRejectOversizedBinaryAndEmptyFilesWithReasonsAndExitCodeOne() throws Exception {
        final Path good = Files.copy(seedFiles().get(0), dir.resolve("good.txt"));
        final Path huge = Files.write(dir.resolve("huge.txt"), new byte[2 * 1024 * 1024]);
        final Path binary =
                Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        final Path empty = Files.createFile(dir.resolve("empty.txt"));
        final Map<TopicPartition, Long> mark = rawTopic.mark();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final PublishSummary summary =
                command.execute(PublishRequest.from("publish", dir.toString()), print(output), false);

        assertThat(summary.exitCode()).isEqualTo(PublishSummary.EXIT_INCOMPLETE);
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.rejected())
                .extracting(
                        r -> r.path().getFileName().toString(),
                        r -> r.rejection().code())
                .containsExactlyInAnyOrder(
                        tuple("huge.txt", RejectionCode.TOO_LARGE),
                        tuple("image.png", RejectionCode.BINARY),
                        tuple("empty.txt", RejectionCode.EMPTY));
        assertThat(text(output))
                .contains("rejected " + huge + ": TOO_LARGE file is 2097152 bytes, over the 1048576-byte limit "
                        + "(heatwire.ingest.max-document-bytes)")
                .contains("rejected " + binary + ": BINARY file contains the control byte 0x1a at offset 6")
                .contains("rejected " + empty + ": EMPTY file is empty")
                .contains("published 1, rejected 3, failed 0");
        final List<ConsumerRecord<String, byte[]>> records = rawTopic.awaitRecords(mark, 1);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("good.txt");
        assertThat(records.get(0).value()).isEqualTo(Files.readAllBytes(good));
    }

    @Test
    void shouldPublishNestedFilesMatchingTheGlobWithRelativeKeys() throws Exception {
        final byte[] article = Files.readAllBytes(seedFiles().get(1));
        Files.createDirectories(dir.resolve("2024/05"));
        Files.createDirectories(dir.resolve("processed"));
        Files.write(dir.resolve("2024/05/a.yaml"), article);
        Files.write(dir.resolve("2024/b.yaml"), article);
        Files.write(dir.resolve("2024/notes.md"), article);
        Files.write(dir.resolve("processed/old.yaml"), article);
        Files.write(dir.resolve(".hidden.yaml"), article);
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        final PublishSummary summary = command.execute(
                PublishRequest.from("publish", "--glob=*.yaml", dir.toString()),
                print(new ByteArrayOutputStream()),
                false);

        assertThat(summary.exitCode()).isZero();
        assertThat(rawTopic.awaitRecords(mark, 2))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("2024/05/a.yaml", "2024/b.yaml");
    }

    @Test
    void shouldExitZeroFromTheCommandLineWithoutAWebServer() {
        final String topic = "heatwire.cli-main-test";
        try (RawTopicProbe probe = new RawTopicProbe(broker.getBrokersAsString(), topic)) {
            final int exitCode = IngestApplication.publish(
                    "publish",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--heatwire.topics.raw=" + topic,
                    "--heatwire.topics.partitions=1",
                    SEEDS.toString());

            assertThat(exitCode).isZero();
            assertThat(probe.awaitRecords(probe.beginning(), 5))
                    .extracting(ConsumerRecord::key)
                    .containsExactly(
                            "000_5bff30fac1333115.txt",
                            "001_4fa83164fd554a3a.txt",
                            "002_53a73ded8ddc6d82.txt",
                            "003_03a5396b1e5bac04.txt",
                            "004_05f9b7b416e78500.txt");
        }
    }

    @Test
    void shouldExitOneFromTheCommandLineWhenAFileIsRejected() throws Exception {
        Files.createFile(dir.resolve("empty.txt"));

        final int exitCode = IngestApplication.publish(
                "publish", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), dir.toString());

        assertThat(exitCode).isEqualTo(PublishSummary.EXIT_INCOMPLETE);
    }

    static List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long totalSize(List<Path> files) throws IOException {
        long total = 0;
        for (final Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static PrintStream print(ByteArrayOutputStream output) {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8);
    }
}
