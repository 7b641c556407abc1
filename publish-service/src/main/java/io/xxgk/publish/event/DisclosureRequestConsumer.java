package io.xxgk.publish.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.contract.failure.PollStore;
import io.xxgk.publish.service.statistics.DisclosureRequestWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;

/**
 * The disclosure-on-request register ({@link io.xxgk.contract.Topics#REQUESTS}) into table
 * {@code disclosure_request}, for the annual statistics the law requires, a poll at a time in one transaction. The
 * offsets are committed after the transaction, so a crash replays the poll and {@link DisclosureRequestWriter}
 * makes that harmless. A database outage is waited out, never dead-lettered; only unreadable, incomplete or
 * unstorable events go to the dead-letter topic.
 */
@ApplicationScoped
public class DisclosureRequestConsumer {

    private final DisclosureRequestWriter writer;
    private final DeadLetters deadLetters;

    public DisclosureRequestConsumer(DisclosureRequestWriter writer,
                                     @Channel(Channels.DEAD_LETTER) MutinyEmitter<String> deadLetters,
                                     MeterRegistry registry) {
        this.writer = writer;
        this.deadLetters = new DeadLetters(deadLetters, "publish-service", Counter.builder("xxgk.dead.lettered")
                .description("records this service sent to the dead-letter topic, by the channel they came from")
                .tag("channel", Channels.REQUESTS).register(registry)::increment);
    }

    @Incoming(Channels.REQUESTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        PollStore.store("storing register entries", records, DisclosureRequestConsumer::decode,
                batch -> QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                    batch.forEach(d -> writer.apply(d.event(), d.record().value()));
                    writer.flush();
                }),
                deadLetters);
    }

    static DisclosureRequestEvent decode(String value) {
        DisclosureRequestEvent e = EventCodec.decode(value, DisclosureRequestEvent.class);
        validate(e);
        return e;
    }

    static void validate(DisclosureRequestEvent e) {
        if (e.recordId() == null || e.recordId().isBlank() || e.recordId().length() > 128) {
            throw new MalformedEventException("missing or over-long recordId");
        }
        if (e.schoolCode() == null || e.schoolCode().isBlank() || e.schoolCode().length() > 32) {
            throw new MalformedEventException("missing or over-long schoolCode");
        }
        if (e.type() == null || e.receivedDate() == null) {
            throw new MalformedEventException("missing type or receivedDate");
        }
        if (e.revision() < 1) {
            throw new MalformedEventException("revision must be 1 or more");
        }
        if (e.answeredDate() != null && e.answeredDate().isBefore(e.receivedDate())) {
            throw new MalformedEventException("answeredDate before receivedDate");
        }
        if (e.feeYuan() != null && (e.feeYuan().signum() < 0 || e.feeYuan().compareTo(new BigDecimal("9999999999.99")) > 0)) {
            throw new MalformedEventException("feeYuan out of range");
        }
    }
}
