package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.classify.event.ClassifiedHeaders;
import io.xxgk.classify.repository.ClassificationRecord;
import io.xxgk.classify.repository.CorrectionRecord;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review queue: items held for a person. An operator confirms the suggestion, corrects the checklist item
 * (or to none), or rejects publication; the decision is recorded with who and when, becomes training data, and
 * the item goes on to publish-service (its public copy masked).
 */
@ApplicationScoped
public class ReviewService {

    public static final String OUT = "items-reviewed";
    /** Hold reason carried by a WITHHOLD decision that a person took in review (ingest shows it as REJECTED). */
    public static final String REJECTED_IN_REVIEW = "REJECTED_IN_REVIEW";

    public enum Action { CONFIRM, CORRECT, REJECT }

    public record Held(String schoolCode, String itemId, int revision, String title, Integer suggestedItem, Integer hint,
                       double confidence, List<String> reasons, String explanation, Instant heldSince) {
    }

    private final MutinyEmitter<String> emitter;
    private final Checklist checklist;
    private final Clock clock;

    public ReviewService(@Channel(OUT) MutinyEmitter<String> emitter, Checklist checklist, Clock clock) {
        this.emitter = emitter;
        this.checklist = checklist;
        this.clock = clock;
    }

    public List<Held> queue(String schoolCode, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = schoolCode == null
                    ? ClassificationRecord.<ClassificationRecord>find("decision = 'HOLD' order by createdAt")
                    : ClassificationRecord.<ClassificationRecord>find("decision = 'HOLD' and schoolCode = ?1 order by createdAt", schoolCode);
            List<Held> out = new ArrayList<>();
            for (ClassificationRecord r : query.range(0, limit - 1).list()) {
                ItemClassified e = EventCodec.decode(r.event, ItemClassified.class);
                out.add(new Held(r.schoolCode, r.itemId, r.revision, e.title(), r.checklistItem, r.hint, r.confidence,
                        e.holdReasons(), r.explanation, r.createdAt));
            }
            return out;
        });
    }

    /**
     * Applies an operator's decision; the new classified event is acknowledged by the broker before the
     * transaction commits, so a failure leaves the item in the queue.
     */
    public Optional<ItemClassified> decide(String schoolCode, String itemId, int revision, Action action, Integer checklistItem,
                                           String note, String who) {
        if (action == Action.CORRECT && checklistItem != null && checklist.item(checklistItem).isEmpty()) {
            throw new IllegalArgumentException("checklistItem must be between 1 and 50, or null for none");
        }
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            ClassificationRecord r = ClassificationRecord.findById(new ClassificationRecord.Key(schoolCode, itemId, revision),
                    LockModeType.PESSIMISTIC_WRITE);
            if (r == null || !"HOLD".equals(r.decision)) {
                return Optional.<ItemClassified>empty();
            }
            ItemClassified held = EventCodec.decode(r.event, ItemClassified.class);
            Integer item = action == Action.CORRECT ? checklistItem : held.checklistItem();
            Integer category = item == null ? null : checklist.categoryOf(item).orElseThrow().number();
            Instant now = clock.instant();
            ItemClassified decided = new ItemClassified(held.schemaVersion(), held.itemId(), held.revision(), held.schoolCode(),
                    held.department(), held.title(), held.body(), held.kind(), held.producedDate(), held.publishedDate(),
                    held.channels(), held.sourceUrl(), item, category, 1.0,
                    "人工审核 reviewed by " + who + ": " + action + (note == null ? "" : " — " + note) + "；" + held.explanation(),
                    action == Action.REJECT ? Decision.WITHHOLD : Decision.PUBLISH,
                    action == Action.REJECT ? List.of(REJECTED_IN_REVIEW) : List.of(), held.personalDataMasked(),
                    action == Action.REJECT ? "OTHER" : held.withholdReason(), held.attachments(), now);
            emitter.sendMessage(Message.of(EventCodec.encode(decided)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(decided.schoolCode()).withHeaders(ClassifiedHeaders.of(decided)).build())).await().atMost(Duration.ofSeconds(30));

            CorrectionRecord c = new CorrectionRecord();
            c.schoolCode = schoolCode;
            c.itemId = itemId;
            c.revision = revision;
            c.title = held.title();
            c.action = action.name();
            c.beforeItem = held.checklistItem();
            c.afterItem = item;
            c.note = note;
            c.correctedBy = who;
            c.correctedAt = now;
            c.persist();
            r.decision = decided.decision().name();
            r.checklistItem = item;
            r.category = category;
            r.event = EventCodec.encode(decided);
            r.reviewedBy = who;
            r.reviewedAt = now;
            return Optional.of(decided);
        });
    }

    public List<CorrectionRecord> corrections(int limit) {
        return QuarkusTransaction.requiringNew().call(() ->
                CorrectionRecord.<CorrectionRecord>find("order by correctedAt desc").range(0, limit - 1).list());
    }
}
