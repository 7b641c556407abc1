package io.xxgk.contract.failure;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a record that can never be processed to the dead-letter topic, with its original headers and the reason,
 * topic, partition, offset and consumer in {@code dead-letter-*} headers. A broker outage is waited out, so the
 * consumer does not commit past a record that is neither processed nor set aside.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";
    /** Kafka caps a header at the record size; a stack trace is not needed by an operator, the cause is. */
    private static final int MAX_REASON_CHARS = 2000;

    private final MutinyEmitter<String> emitter;
    private final String consumer;
    private final Runnable onSent;

    public DeadLetters(MutinyEmitter<String> emitter, String consumer) {
        this(emitter, consumer, () -> {
        });
    }

    /** {@code onSent} runs once the broker acknowledged a dead letter, e.g. to count it in a metric. */
    public DeadLetters(MutinyEmitter<String> emitter, String consumer, Runnable onSent) {
        this.emitter = emitter;
        this.consumer = consumer;
        this.onSent = onSent;
    }

    public void send(ConsumerRecord<String, String> r, String reason) {
        System.getLogger(DeadLetters.class.getName()).log(System.Logger.Level.WARNING,
                "{0}: {1}-{2}@{3} can never be processed, to the dead-letter topic: {4}", consumer, r.topic(),
                r.partition(), r.offset(), reason);
        RecordHeaders h = new RecordHeaders();
        for (Header header : r.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                h.add(header);
            }
        }
        String shortReason = reason == null ? "unknown" : reason.length() > MAX_REASON_CHARS
                ? reason.substring(0, MAX_REASON_CHARS) : reason;
        h.add(REASON, shortReason.getBytes(StandardCharsets.UTF_8));
        h.add(TOPIC, r.topic().getBytes(StandardCharsets.UTF_8));
        h.add(PARTITION, Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        h.add(OFFSET, Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        h.add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(r.value() == null ? "" : r.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).withHeaders(h).build());
        WaitOut.transientFailures("dead-lettering " + r.topic() + "-" + r.partition() + "@" + r.offset(),
                () -> emitter.sendMessage(message).await().atMost(Duration.ofSeconds(150)));
        onSent.run();
    }

    /** A reason an operator can read: the innermost cause's type and message. */
    public static String reasonOf(Throwable e) {
        return WaitOut.rootMessage(e);
    }
}
