package io.xxgk.console.kafka;

import io.xxgk.contract.failure.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of the dead-letter topic, identified by its partition and offset there. {@code reason},
 * {@code originalTopic}, {@code originalPartition}, {@code originalOffset} and {@code consumer} come from the
 * {@link DeadLetters} headers; {@code headers} are the record's other headers, which a replay carries over.
 */
public record DeadLetter(int partition, long offset, Instant at, byte[] key, byte[] value, String reason,
                         String originalTopic, Integer originalPartition, Long originalOffset, String consumer,
                         List<Header> headers, String replayedBy, Instant replayedAt) {

    /** Headers a replay adds (and drops from an earlier replay, so a record carries only its latest). */
    public static final String REPLAYED_BY = "xxgk-replayed-by";
    public static final String REPLAYED_AT = "xxgk-replayed-at";
    public static final String REPLAYED_FROM = "xxgk-replayed-from";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> r) {
        List<Header> carried = new ArrayList<>();
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                carried.add(h);
            }
        }
        Long originalOffset = parseLong(text(r, DeadLetters.OFFSET));
        Long originalPartition = parseLong(text(r, DeadLetters.PARTITION));
        String replayedAt = text(r, REPLAYED_AT);
        Instant previousReplay = null;
        try {
            previousReplay = replayedAt == null ? null : Instant.parse(replayedAt);
        } catch (RuntimeException ignored) {
            // a foreign header value: shown as not replayed
        }
        return new DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(),
                text(r, DeadLetters.REASON), text(r, DeadLetters.TOPIC),
                originalPartition == null ? null : originalPartition.intValue(), originalOffset, text(r, DeadLetters.CONSUMER),
                List.copyOf(carried), text(r, REPLAYED_BY), previousReplay);
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String valueText() {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }

    /** The id used in URLs and the replay log: partition and offset on the dead-letter topic. */
    public String id() {
        return partition + "-" + offset;
    }

    private static String text(ConsumerRecord<byte[], byte[]> r, String header) {
        Header h = r.headers().lastHeader(header);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
