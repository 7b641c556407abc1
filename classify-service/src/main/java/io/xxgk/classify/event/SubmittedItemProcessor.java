package io.xxgk.classify.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.classify.repository.ClassificationRecord;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Submitted → classified. Idempotent by (school, item, revision): a redelivered submission re-sends the stored
 * decision instead of deciding again. The incoming offset is committed only once the classified event is
 * acknowledged by the broker (the outgoing message carries the incoming ack). Unreadable messages are nacked
 * and land on the dead-letter topic with the reason in their headers.
 */
@ApplicationScoped
public class SubmittedItemProcessor {

    public static final String IN = "items-submitted";
    public static final String OUT = "items-classified";
    /** Worker pool of the processor; its max-concurrency stays below the datasource pool size. */
    public static final String WORKERS = "classify-workers";
    private static final Logger LOG = Logger.getLogger(SubmittedItemProcessor.class);

    private final ClassificationService classification;
    private final MeterRegistry metrics;

    public SubmittedItemProcessor(ClassificationService classification, MeterRegistry metrics) {
        this.classification = classification;
        this.metrics = metrics;
    }

    @Incoming(IN)
    @Outgoing(OUT)
    // unordered: items are independent (publish orders revisions by number), so their commits overlap and
    // PostgreSQL groups them; the throttled commit strategy still only commits offsets below the oldest in flight
    @Blocking(value = WORKERS, ordered = false)
    public Message<String> process(Message<String> in) {
        ItemSubmitted submitted;
        try {
            submitted = EventCodec.decode(in.getPayload(), ItemSubmitted.class);
            if (submitted.itemId() == null || submitted.schoolCode() == null || submitted.revision() < 1) {
                throw new MalformedEventException("missing itemId, schoolCode or revision");
            }
        } catch (MalformedEventException e) {
            LOG.warnf("poison message to dead-letter topic: %s", e.getMessage());
            metrics.counter("xxgk.classify.dead-lettered").increment();
            in.nack(e);
            return null;
        }
        String event = decideOnceRacing(submitted);
        ItemClassified classified = EventCodec.decode(event, ItemClassified.class);
        metrics.counter("xxgk.classify.decisions", "decision", classified.decision().name()).increment();
        return in.withPayload(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(classified.schoolCode())
                .withHeaders(ClassifiedHeaders.of(classified))
                .build());
    }

    /**
     * The same submission delivered twice at once: the second insert loses and reads the winner's decision. A
     * database outage is waited out (the consumer is paused meanwhile), never dead-lettered.
     */
    private String decideOnceRacing(ItemSubmitted submitted) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> decideOnce(submitted));
            } catch (RuntimeException e) {
                var stored = storedDecision(submitted);
                if (stored.isPresent()) {
                    return stored.get();
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("deciding %s/%s failed (attempt %d), retrying: %s", submitted.schoolCode(), submitted.itemId(),
                        attempt, e.getMessage());
                sleep(Math.min(5000, 200L * attempt));
            }
        }
    }

    private static java.util.Optional<String> storedDecision(ItemSubmitted submitted) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ClassificationRecord
                    .find(submitted.schoolCode(), submitted.itemId(), submitted.revision()).map(r -> r.event));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String decideOnce(ItemSubmitted submitted) {
        return ClassificationRecord.find(submitted.schoolCode(), submitted.itemId(), submitted.revision())
                .map(r -> r.event)
                .orElseGet(() -> {
                    ItemClassified c = classification.decide(submitted);
                    ClassificationRecord r = new ClassificationRecord();
                    r.schoolCode = c.schoolCode();
                    r.itemId = c.itemId();
                    r.revision = c.revision();
                    r.checklistItem = c.checklistItem();
                    r.category = c.category();
                    r.confidence = c.confidence();
                    r.decision = c.decision().name();
                    r.explanation = c.explanation();
                    r.holdReasons = String.join(",", c.holdReasons());
                    r.hint = submitted.checklistHint();
                    r.event = EventCodec.encode(c);
                    r.createdAt = Instant.now();
                    r.persist();
                    return r.event;
                });
    }
}
