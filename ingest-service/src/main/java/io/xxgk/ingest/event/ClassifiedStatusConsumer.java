package io.xxgk.ingest.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.contract.event.WithholdReason;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.contract.failure.PollStore;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.repository.ItemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows classify-service's decisions so that {@code GET /api/v1/items/{id}} tells where an item is, including its
 * sign-off (待审核, 待审定, 退回 with the note, 不予公开 with the reason; version-1 events as before). A poll is
 * applied in one transaction; a database outage is waited out (never dead-lettered), so no item's status stays
 * ACCEPTED for ever.
 */
@ApplicationScoped
public class ClassifiedStatusConsumer {

    private final DeadLetters deadLetters;

    public ClassifiedStatusConsumer(@Channel(Channels.DEAD_LETTER) MutinyEmitter<String> deadLetters) {
        this.deadLetters = new DeadLetters(deadLetters, "ingest-service");
    }

    @Incoming(Channels.ITEMS_CLASSIFIED_STATUS)
    @Blocking
    public void onClassified(ConsumerRecords<String, String> records) {
        PollStore.store("recording item status", records, ItemClassified::decodeComplete,
                batch -> QuarkusTransaction.requiringNew().run(() ->
                        batch.forEach(d -> Item.updateStatus(d.event().schoolCode(), d.event().itemId(),
                                d.event().revision(), statusOf(d.event()).name(), noteOf(d.event())))),
                deadLetters);
    }

    static ItemStatus statusOf(ItemClassified e) {
        return switch (e.decision()) {
            // defence in depth, as publish-service: a PUBLISH whose sign-off is incomplete is not public
            case PUBLISH -> e.publishable() ? ItemStatus.PUBLISHED : ItemStatus.HELD;
            case HOLD -> heldStatus(e.signOff());
            case WITHHOLD -> e.holdReasons().contains("REJECTED_IN_REVIEW") ? ItemStatus.REJECTED : ItemStatus.WITHHELD;
            case WITHDRAW -> ItemStatus.WITHDRAWN;
        };
    }

    /** A v1 event, or mode AUTO before anyone decided: HELD as before; otherwise where the sign-off stands. */
    private static ItemStatus heldStatus(SignOff s) {
        if (s == null) {
            return ItemStatus.HELD;
        }
        return switch (s.status()) {
            case AWAITING_OFFICE -> s.mode() == SignOffMode.AUTO ? ItemStatus.HELD : ItemStatus.AWAITING_OFFICE;
            case AWAITING_LEADER -> ItemStatus.AWAITING_LEADER;
            case RETURNED -> ItemStatus.RETURNED;
            case WITHHELD -> ItemStatus.WITHHELD;
            case APPROVED -> ItemStatus.HELD;
        };
    }

    /** The last sign-off step's note for a RETURN (退回); the legal reason (and note) of a withholding in sign-off. */
    static String noteOf(ItemClassified e) {
        SignOff s = e.signOff();
        if (s == null || s.steps().isEmpty()) {
            return null;
        }
        SignOffStep last = s.steps().get(s.steps().size() - 1);
        if (last == null || last.action() == null) {
            return null;
        }
        String note = last.note() == null || last.note().isBlank() ? null : last.note().strip();
        String text = switch (last.action()) {
            case RETURN -> note;
            case WITHHOLD -> reasonLabel(last.withholdReason()) + (note == null ? "" : "；" + note);
            default -> null;
        };
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static String reasonLabel(String code) {
        try {
            WithholdReason r = WithholdReason.valueOf(code);
            return r.labelZh() + " (" + r.name() + ")";
        } catch (RuntimeException e) {
            return code == null ? "不予公开" : code;
        }
    }
}
