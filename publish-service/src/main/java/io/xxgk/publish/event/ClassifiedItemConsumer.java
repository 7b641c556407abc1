package io.xxgk.publish.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.publish.service.CatalogueWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Classified events into the catalogue, a poll's worth at a time in one transaction (Hibernate batches the
 * inserts). The offsets are committed after the transaction, so a crash replays the batch; {@link CatalogueWriter}
 * makes that harmless. Unreadable events go to the dead-letter topic with the reason, the rest are stored.
 */
@ApplicationScoped
public class ClassifiedItemConsumer {

    public static final String IN = "items-classified";
    public static final String DEAD_LETTER = "publish-dead-letter";
    private static final Logger LOG = Logger.getLogger(ClassifiedItemConsumer.class);

    private final CatalogueWriter writer;
    private final MutinyEmitter<String> deadLetters;

    public ClassifiedItemConsumer(CatalogueWriter writer, @Channel(DEAD_LETTER) MutinyEmitter<String> deadLetters) {
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @Incoming(IN)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poison = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<ItemClassified> events = new ArrayList<>(records.count());
        List<String> raw = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                ItemClassified e = EventCodec.decode(r.value(), ItemClassified.class);
                if (e.itemId() == null || e.schoolCode() == null || e.decision() == null) {
                    throw new MalformedEventException("missing itemId, schoolCode or decision");
                }
                events.add(e);
                raw.add(r.value());
            } catch (MalformedEventException e) {
                poison.add(r);
                reasons.add(e.getMessage());
            }
        }
        storeWithRetry(events, raw);
        for (int i = 0; i < poison.size(); i++) {
            deadLetter(poison.get(i), reasons.get(i));
        }
    }

    /** A database outage stalls the batch instead of losing it; the consumer is paused meanwhile, not evicted. */
    private void storeWithRetry(List<ItemClassified> events, List<String> raw) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < events.size(); i++) {
                        writer.apply(events.get(i), raw.get(i));
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("storing %d classified events failed (attempt %d), retrying: %s", events.size(), attempt, e.getMessage());
                try {
                    Thread.sleep(Math.min(5000, 250L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("poison message %s-%d@%d to the dead-letter topic: %s", r.topic(), r.partition(), r.offset(), reason);
        RecordHeaders h = new RecordHeaders();
        h.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        h.add("dead-letter-topic", r.topic().getBytes(StandardCharsets.UTF_8));
        h.add("dead-letter-partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        h.add("dead-letter-offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        h.add("dead-letter-consumer", "publish-service".getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessage(Message.of(r.value() == null ? "" : r.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(h).build())).await().atMost(Duration.ofSeconds(30));
    }
}
