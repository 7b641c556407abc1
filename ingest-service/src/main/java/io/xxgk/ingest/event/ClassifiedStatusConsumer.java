package io.xxgk.ingest.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.contract.failure.PollStore;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.repository.ItemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows classify-service's decisions so that {@code GET /api/v1/items/{id}} tells where an item is. A poll is
 * applied in one transaction; a database outage is waited out (never dead-lettered), so no item's status stays
 * ACCEPTED for ever.
 */
@ApplicationScoped
public class ClassifiedStatusConsumer {

    private final DeadLetters deadLetters;

    public ClassifiedStatusConsumer(@Channel(Channels.DEAD_LETTER) MutinyEmitter<String> deadLetters,
                                    MeterRegistry registry) {
        this.deadLetters = new DeadLetters(deadLetters, "ingest-service", Counter.builder("xxgk.dead.lettered")
                .description("records this service sent to the dead-letter topic, by the channel they came from")
                .tag("channel", Channels.ITEMS_CLASSIFIED_STATUS).register(registry)::increment);
    }

    @Incoming(Channels.ITEMS_CLASSIFIED_STATUS)
    @Blocking
    public void onClassified(ConsumerRecords<String, String> records) {
        PollStore.store("recording item status", records, ItemClassified::decodeComplete,
                batch -> QuarkusTransaction.requiringNew().run(() ->
                        batch.forEach(d -> Item.updateStatus(d.event().schoolCode(), d.event().itemId(),
                                d.event().revision(), statusOf(d.event()).name()))),
                deadLetters);
    }

    static ItemStatus statusOf(ItemClassified e) {
        return switch (e.decision()) {
            case PUBLISH -> ItemStatus.PUBLISHED;
            case HOLD -> ItemStatus.HELD;
            case WITHHOLD -> e.holdReasons().contains("REJECTED_IN_REVIEW") ? ItemStatus.REJECTED : ItemStatus.WITHHELD;
            case WITHDRAW -> ItemStatus.WITHDRAWN;
        };
    }
}
