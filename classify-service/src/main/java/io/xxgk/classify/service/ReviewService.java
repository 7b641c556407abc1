package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.repository.Correction;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.classify.repository.UnsentReview;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(ReviewService.class);
    /** Hold reason carried by a WITHHOLD decision that a person took in review (ingest shows it as REJECTED). */
    public static final String REJECTED_IN_REVIEW = "REJECTED_IN_REVIEW";

    public enum Action { CONFIRM, CORRECT, REJECT }

    public record Held(String schoolCode, String itemId, int revision, String title, Integer suggestedItem, Integer hint,
                       double confidence, List<String> reasons, String explanation, Instant heldSince) {
    }

    private final ReviewDecisionSender sender;
    private final Checklist checklist;
    private final Clock clock;

    public ReviewService(ReviewDecisionSender sender, Checklist checklist, Clock clock) {
        this.sender = sender;
        this.checklist = checklist;
        this.clock = clock;
    }

    public List<Held> queue(String schoolCode, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = schoolCode == null
                    ? StoredDecision.<StoredDecision>find("decision = 'HOLD' order by createdAt")
                    : StoredDecision.<StoredDecision>find("decision = 'HOLD' and schoolCode = ?1 order by createdAt", schoolCode);
            List<Held> out = new ArrayList<>();
            for (StoredDecision r : query.range(0, limit - 1).list()) {
                ItemClassified e = EventCodec.decode(r.event, ItemClassified.class);
                out.add(new Held(r.schoolCode, r.itemId, r.revision, e.title(), r.checklistItem, r.hint, r.confidence,
                        e.holdReasons(), r.explanation, r.createdAt));
            }
            return out;
        });
    }

    /** A decision taken (now or by an earlier identical request), and whether the broker has acknowledged it. */
    public record Decided(ItemClassified event, boolean delivered) {
    }

    /**
     * Applies an operator's decision. The decision is committed first (record, correction, and an unsent-review row in
     * one transaction) and only then sent: a failed commit sends nothing. If the broker does not acknowledge the send,
     * the decision stays committed, {@code delivered} is false, and {@link #resendUnsent} sends it later. Asking for
     * the same decision again (a retry) answers the decision taken and re-sends it if it is still unsent.
     */
    public Optional<Decided> decide(String schoolCode, String itemId, int revision, Action action, Integer checklistItem,
                                    String note, String who) {
        if (action == Action.CORRECT && checklistItem != null && checklist.item(checklistItem).isEmpty()) {
            throw new IllegalArgumentException("checklistItem must be between 1 and 50, or null for none");
        }
        Optional<ItemClassified> committed = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            StoredDecision r = StoredDecision.findById(new StoredDecision.Key(schoolCode, itemId, revision),
                    LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                return Optional.<ItemClassified>empty();
            }
            if (!"HOLD".equals(r.decision)) {
                ItemClassified prior = EventCodec.decode(r.event, ItemClassified.class);
                return r.reviewedAt != null && sameDecision(prior, action, checklistItem) ? Optional.of(prior) : Optional.<ItemClassified>empty();
            }
            ItemClassified held = EventCodec.decode(r.event, ItemClassified.class);
            Integer item = action == Action.CORRECT ? checklistItem : held.checklistItem();
            Integer category = item == null ? null : checklist.categoryOf(item).orElseThrow().number();
            Instant now = clock.instant();
            ItemClassified decided = held.toBuilder()
                    .checklistItem(item)
                    .category(category)
                    .confidence(1.0)
                    .explanation("人工审核 reviewed by " + who + ": " + action + (note == null ? "" : " — " + note) + "；" + held.explanation())
                    .decision(action == Action.REJECT ? Decision.WITHHOLD : Decision.PUBLISH)
                    .holdReasons(action == Action.REJECT ? List.of(REJECTED_IN_REVIEW) : List.of())
                    .withholdReason(action == Action.REJECT ? "OTHER" : held.withholdReason())
                    .classifiedAt(now)
                    .build();
            String event = EventCodec.encode(decided);

            Correction c = new Correction();
            c.schoolCode = schoolCode;
            c.itemId = itemId;
            c.revision = revision;
            c.title = ChecklistClassifier.head(held.title(), ChecklistClassifier.TITLE_CHARS); // what the classifier learns from
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
            r.event = event;
            r.reviewedBy = who;
            r.reviewedAt = now;
            UnsentReview unsent = new UnsentReview();
            unsent.schoolCode = schoolCode;
            unsent.itemId = itemId;
            unsent.revision = revision;
            unsent.event = event;
            unsent.decidedAt = now;
            unsent.persist();
            return Optional.of(decided);
        });
        return committed.map(event -> new Decided(event, deliver(new StoredDecision.Key(schoolCode, itemId, revision))));
    }

    private static boolean sameDecision(ItemClassified prior, Action action, Integer checklistItem) {
        return switch (action) {
            case REJECT -> prior.decision() == Decision.WITHHOLD;
            case CONFIRM -> prior.decision() == Decision.PUBLISH;
            case CORRECT -> prior.decision() == Decision.PUBLISH && java.util.Objects.equals(prior.checklistItem(), checklistItem);
        };
    }

    /** Sends the unsent decision of {@code key}, if there is one; true when nothing is left unsent. */
    private boolean deliver(StoredDecision.Key key) {
        Optional<String> event;
        try {
            event = QuarkusTransaction.requiringNew().call(() ->
                    UnsentReview.<UnsentReview>findByIdOptional(key).map(u -> u.event));
        } catch (RuntimeException e) {
            LOG.warnf("review decision %s/%s/%d: unsent state unreadable, the retry will send it: %s", key.schoolCode, key.itemId,
                    key.revision, e.getMessage());
            return false;
        }
        return event.map(e -> send(key, e)).orElse(true);
    }

    private boolean send(StoredDecision.Key key, String event) {
        ItemClassified decided = EventCodec.decode(event, ItemClassified.class);
        try {
            sender.send(event, decided);
        } catch (RuntimeException e) {
            LOG.warnf("review decision %s/%s/%d committed but not acknowledged by the broker; it will be re-sent: %s",
                    key.schoolCode, key.itemId, key.revision, e.getMessage());
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> UnsentReview.delete(
                    "schoolCode = ?1 and itemId = ?2 and revision = ?3 and event = ?4", key.schoolCode, key.itemId, key.revision, event));
        } catch (RuntimeException e) {
            // sent; the row stays and the retry sends the same event once more, which consumers take as a redelivery
            LOG.warnf("review decision %s/%s/%d sent, but its unsent mark could not be cleared: %s", key.schoolCode, key.itemId,
                    key.revision, e.getMessage());
        }
        return true;
    }

    /**
     * Sends the committed decisions that have waited at least {@code minAge} (so that a request still sending its own
     * decision is left alone); returns how many were acknowledged.
     */
    public int resendUnsent(Duration minAge) {
        List<UnsentReview> unsent = QuarkusTransaction.requiringNew().call(() ->
                UnsentReview.decidedBefore(clock.instant().minus(minAge), 100));
        int sent = 0;
        for (UnsentReview u : unsent) {
            if (send(new StoredDecision.Key(u.schoolCode, u.itemId, u.revision), u.event)) {
                sent++;
            } else {
                break; // the broker is down: try again at the next round
            }
        }
        return sent;
    }

    public List<Correction> corrections(int limit) {
        return QuarkusTransaction.requiringNew().call(() ->
                Correction.<Correction>find("order by correctedAt desc").range(0, limit - 1).list());
    }
}
