package io.xxgk.publish.event;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.publish.service.CatalogueWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Classified events into the catalogue. The offset is committed after the transaction, so a crash replays the
 * event; {@link CatalogueWriter} makes that harmless. Unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class ClassifiedItemConsumer {

    public static final String IN = "items-classified";

    private final CatalogueWriter writer;

    public ClassifiedItemConsumer(CatalogueWriter writer) {
        this.writer = writer;
    }

    @Incoming(IN)
    @Blocking
    @Transactional
    public void consume(String payload) {
        ItemClassified event = EventCodec.decode(payload, ItemClassified.class);
        if (event.itemId() == null || event.schoolCode() == null || event.decision() == null) {
            throw new MalformedEventException("missing itemId, schoolCode or decision");
        }
        writer.apply(event, payload);
    }
}
