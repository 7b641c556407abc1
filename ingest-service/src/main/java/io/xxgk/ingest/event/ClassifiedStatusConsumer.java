package io.xxgk.ingest.event;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.ingest.repository.ItemRecord;
import io.xxgk.ingest.service.ItemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows classify-service's decisions so that {@code GET /api/v1/items/{id}} tells where an item is. */
@ApplicationScoped
public class ClassifiedStatusConsumer {

    public static final String IN = "items-classified-status";

    @Incoming(IN)
    @Blocking
    @Transactional
    public void onClassified(String payload) {
        ItemClassified e = EventCodec.decode(payload, ItemClassified.class);
        ItemRecord.findItem(e.schoolCode(), e.itemId())
                .filter(item -> item.revision == e.revision())
                .ifPresent(item -> item.status = switch (e.decision()) {
                    case PUBLISH -> ItemStatus.PUBLISHED.name();
                    case HOLD -> ItemStatus.HELD.name();
                    case WITHHOLD -> e.holdReasons().contains("REJECTED_IN_REVIEW")
                            ? ItemStatus.REJECTED.name() : ItemStatus.WITHHELD.name();
                    case WITHDRAW -> ItemStatus.WITHDRAWN.name();
                });
    }
}
