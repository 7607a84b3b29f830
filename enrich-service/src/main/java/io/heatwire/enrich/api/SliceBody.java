package io.heatwire.enrich.api;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.heatwire.enrich.query.Slice;

/** A {@link Slice} as JSON between instances. */
record SliceBody(List<Integer> partitions, List<EntryBody> entries) {

    record EntryBody(String key, JsonNode record) {}

    static SliceBody of(Slice slice) {
        return new SliceBody(
                slice.partitions().stream().sorted().toList(),
                slice.entries().stream()
                        .map(entry -> new EntryBody(entry.key(), entry.record()))
                        .toList());
    }

    Slice slice() {
        return new Slice(
                Set.copyOf(partitions),
                entries.stream()
                        .map(entry -> new Slice.Entry(entry.key(), entry.record()))
                        .toList());
    }
}
