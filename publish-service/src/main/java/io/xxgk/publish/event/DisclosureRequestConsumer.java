package io.xxgk.publish.event;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.publish.statistics.DisclosureRequestWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;

/**
 * The disclosure-on-request register ({@link io.xxgk.contract.Topics#REQUESTS}) into table
 * {@code disclosure_request}, for the annual statistics. The offset is committed after the transaction, so a
 * crash replays the event and {@link DisclosureRequestWriter} makes that harmless. Unreadable or incomplete
 * events go to the dead-letter topic.
 */
@ApplicationScoped
public class DisclosureRequestConsumer {

    public static final String IN = "requests";

    private final DisclosureRequestWriter writer;

    public DisclosureRequestConsumer(DisclosureRequestWriter writer) {
        this.writer = writer;
    }

    @Incoming(IN)
    @Blocking
    @Transactional
    public void consume(String payload) {
        DisclosureRequestEvent event = EventCodec.decode(payload, DisclosureRequestEvent.class);
        validate(event);
        writer.apply(event, payload);
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
