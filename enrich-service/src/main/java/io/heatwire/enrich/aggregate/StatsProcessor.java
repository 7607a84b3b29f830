package io.heatwire.enrich.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one statistics record per provider or per topic (SPEC 9), keyed by provider key or topic
 * slug: subtracts a story's old contribution and adds its new one, so every figure is exact under
 * updates, and writes the records of the keys that changed once per {@code emitInterval}. A key
 * that lost its last story gets a tombstone.
 *
 * @param <V> the record type (provider or topic)
 */
public final class StatsProcessor<V> implements Processor<String, StatsChanges, String, V> {

    /** Builds the record of a key from its statistics. */
    @FunctionalInterface
    public interface RecordFactory<V> {
        V build(String key, KeyStats stats, Instant firstPublished, Instant lastPublished, Instant asOf, Instant now);
    }

    /** The names of the two stores this processor uses. */
    public record Names(String stats, String published) {}

    private static final String SEP = "|";
    private static final String END = "~";

    private final Names names;
    private final Duration halfLife;
    private final Duration emitInterval;
    private final RecordFactory<V> factory;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, KeyStats> stats;
    private KeyValueStore<String, PublishedDay> published;
    /** The keys whose statistics changed since their record was written; rebuilt from the stats store on start. */
    private final SortedSet<String> changed = new TreeSet<>();

    public StatsProcessor(Names names, Duration halfLife, Duration emitInterval, RecordFactory<V> factory) {
        this.names = names;
        this.halfLife = halfLife;
        this.emitInterval = emitInterval;
        this.factory = factory;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.stats = context.getStateStore(names.stats());
        this.published = context.getStateStore(names.published());
        changed.clear();
        try (KeyValueIterator<String, KeyStats> all = stats.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.changed()) {
                    changed.add(entry.key);
                }
            });
        }
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::emitChanged);
    }

    @Override
    public void process(Record<String, StatsChanges> record) {
        final String key = record.key();
        KeyStats current = stats.get(key);
        if (current == null) {
            current = KeyStats.empty(halfLife);
        }
        for (StatsChange change : record.value().changes()) {
            current = apply(key, current, change);
        }
        if (current.stories() <= 0 && !current.published()) {
            stats.delete(key);
            changed.remove(key);
            return;
        }
        stats.put(key, current);
        changed.add(key);
    }

    private KeyStats apply(String key, KeyStats stats, StatsChange change) {
        KeyStats result = stats;
        if (change.removed() != null) {
            result = result.remove(change.removed());
            if (change.removed().publishedAt() != null) {
                uncountPublished(key, change.removed().publishedAt().toEpochMilli());
            }
        }
        if (change.added() != null) {
            result = result.add(change.added(), change.name());
            if (change.added().publishedAt() != null) {
                final long time = change.added().publishedAt().toEpochMilli();
                final String day = dayKey(key, time);
                final PublishedDay current = published.get(day);
                published.put(day, current == null ? PublishedDay.of(time) : current.plus(time));
            }
        }
        return result;
    }

    private void uncountPublished(String key, long time) {
        final String day = dayKey(key, time);
        final PublishedDay current = published.get(day);
        if (current == null) {
            throw new IllegalStateException("no story of " + key + " was counted on the day of " + time);
        }
        final PublishedDay rest = current.minus(time);
        if (rest == null) {
            published.delete(day);
        } else {
            published.put(day, rest);
        }
    }

    void emitChanged(long now) {
        final List<String> keys = new ArrayList<>(changed);
        changed.clear();
        final Instant asOf = Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
        for (String key : keys) {
            final KeyStats current = stats.get(key);
            if (current == null || !current.changed()) {
                continue;
            }
            if (current.stories() <= 0) {
                stats.delete(key);
                context.forward(new Record<String, V>(key, null, now, new RecordHeaders()));
                continue;
            }
            stats.put(key, current.asPublished());
            final V value =
                    factory.build(key, current, edge(key, false), edge(key, true), asOf, Instant.ofEpochMilli(now));
            context.forward(new Record<>(key, value, now, new RecordHeaders()));
        }
    }

    /** The first (or, with {@code last}, the last) publication time of {@code key}'s stories. */
    private Instant edge(String key, boolean last) {
        try (KeyValueIterator<String, PublishedDay> range = last
                ? published.reverseRange(key + SEP, key + SEP + END)
                : published.range(key + SEP, key + SEP + END)) {
            if (!range.hasNext()) {
                return null;
            }
            final PublishedDay day = range.next().value;
            return Instant.ofEpochMilli(last ? day.last() : day.first());
        }
    }

    /** key|day: the days of a key in ascending order. */
    private static String dayKey(String key, long time) {
        return key + SEP + TimeKeys.ascending(Instant.ofEpochMilli(PublishedDay.dayOf(time)));
    }
}
