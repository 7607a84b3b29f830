package io.heatwire.enrich.cli;

import java.util.Map;
import java.util.TreeMap;

import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.support.contract.DeadLetterHeaders;

/** Dead letters by error code. */
final class DeadLetterStats {

    private DeadLetterStats() {}

    static Map<String, Long> byCode(KafkaClientSettings kafka, String topic) {
        final Map<String, Long> counts = new TreeMap<>();
        TopicScan.scan(kafka, topic, record -> {
            final String code = DeadLetters.header(record.headers(), DeadLetterHeaders.CODE);
            counts.merge(code == null ? "(no code)" : code, 1L, Long::sum);
        });
        return counts;
    }
}
