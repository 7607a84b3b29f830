package io.heatwire.enrich.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The object layer inside a real Kafka Streams task (TopologyTestDriver commits after every input
 * record): values are encoded once per commit and decoded once per commit, and whatever was written
 * reaches the store below by the end of the commit.
 */
class ObjectCachingStoreTest {

    private static final String STORE = "values";

    private final AtomicInteger encoded = new AtomicInteger();
    private final AtomicInteger decoded = new AtomicInteger();
    private final Serde<String> counting = Serdes.serdeFrom(
            (topic, value) -> {
                encoded.incrementAndGet();
                return Serdes.String().serializer().serialize(topic, value);
            },
            (topic, bytes) -> {
                decoded.incrementAndGet();
                return Serdes.String().deserializer().deserialize(topic, bytes);
            });

    @Test
    void aValueWrittenManyTimesInOneCommitIsEncodedOnceAndReadWithoutDecoding() {
        final List<String> seen = new ArrayList<>();
        run(
                (command, store) -> {
                    if (command.equals("write")) {
                        for (int i = 0; i < 100; i++) {
                            store.put("k", "v" + i);
                            seen.add(store.get("k"));
                        }
                    } else {
                        seen.add(store.get("k"));
                        seen.add(store.get("k"));
                    }
                },
                in -> {
                    in.pipeInput("x", "write");
                    assertThat(encoded).hasValue(1);
                    assertThat(decoded).hasValue(0);
                    assertThat(seen).hasSize(100).endsWith("v99");
                    // the commit wrote the last value below and forgot the objects: read once, decoded once
                    in.pipeInput("x", "read");
                    assertThat(seen.subList(100, 102)).containsExactly("v99", "v99");
                    assertThat(decoded).hasValue(1);
                    assertThat(encoded).hasValue(1);
                });
    }

    @Test
    void rangesAndDeletesSeeWhatWasWrittenBeforeTheCommit() {
        final List<String> ranged = new ArrayList<>();
        final List<String> after = new ArrayList<>();
        run(
                (command, store) -> {
                    if (command.equals("write")) {
                        store.put("a", "1");
                        store.put("b", "2");
                        store.put("c", "3");
                        store.delete("b");
                        try (KeyValueIterator<String, String> range = store.range("a", "c")) {
                            range.forEachRemaining(entry -> ranged.add(entry.key + "=" + entry.value));
                        }
                    } else {
                        after.add(store.get("a"));
                        after.add(store.get("b"));
                        after.add(String.valueOf(store.putIfAbsent("b", "4")));
                        after.add(store.get("b"));
                    }
                },
                in -> {
                    in.pipeInput("x", "write");
                    assertThat(ranged).containsExactly("a=1", "c=3");
                    in.pipeInput("x", "read");
                    assertThat(after).containsExactly("1", null, "null", "4");
                });
    }

    private void run(
            BiConsumer<String, KeyValueStore<String, String>> step, Consumer<TestInputTopic<String, String>> steps) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ObjectStores.objectCached(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), counting)
                        .withCachingEnabled()
                        .withLoggingDisabled()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(
                        () -> new Processor<String, String, Void, Void>() {
                            private KeyValueStore<String, String> store;

                            @Override
                            public void init(
                                    org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
                                store = context.getStateStore(STORE);
                            }

                            @Override
                            public void process(Record<String, String> record) {
                                step.accept(record.value(), store);
                            }
                        },
                        STORE);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
            final TestInputTopic<String, String> in = driver.createInputTopic(
                    "in", Serdes.String().serializer(), Serdes.String().serializer());
            steps.accept(in);
        }
    }
}
