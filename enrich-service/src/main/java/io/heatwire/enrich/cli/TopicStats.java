package io.heatwire.enrich.cli;

/** Record count and value bytes of one topic. */
record TopicStats(int partitions, long records, long bytes) {

    static TopicStats read(KafkaClientSettings kafka, String topic) {
        final long[] counts = new long[2];
        final int partitions = TopicScan.scan(kafka, topic, record -> {
            counts[0]++;
            counts[1] += record.value() == null ? 0 : record.value().length;
        });
        return new TopicStats(partitions, counts[0], counts[1]);
    }
}
