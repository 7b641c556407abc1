package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.repository.Correction;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.WithholdReason;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operators' review queue: items waiting for the office's step of their sign-off (see {@link SignOffService}). An
 * operator confirms the suggestion, corrects the checklist item (or to none), or rejects publication; the decision is
 * recorded with who and when, becomes training data, and the item goes on to publish-service (its public copy masked)
 * or, under TWO_LEVEL, to its leader.
 */
@ApplicationScoped
public class ReviewService {

    /** Hold reason carried by a WITHHOLD decision that a person took in review (ingest shows it as REJECTED). */
    public static final String REJECTED_IN_REVIEW = "REJECTED_IN_REVIEW";

    public enum Action { CONFIRM, CORRECT, REJECT }

    public record Held(String schoolCode, String itemId, int revision, String title, Integer suggestedItem, Integer hint,
                       double confidence, List<String> reasons, String explanation, Instant heldSince) {
    }

    private final SignOffService signOff;
    private final DecisionDelivery delivery;

    public ReviewService(SignOffService signOff, DecisionDelivery delivery) {
        this.signOff = signOff;
        this.delivery = delivery;
    }

    public List<Held> queue(String schoolCode, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = schoolCode == null
                    ? StoredDecision.<StoredDecision>find("decision = 'HOLD' and signOffStage = 'OFFICE' order by createdAt")
                    : StoredDecision.<StoredDecision>find("decision = 'HOLD' and signOffStage = 'OFFICE' and schoolCode = ?1 order by createdAt", schoolCode);
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
     * Applies an operator's decision; the operator acts as the office (stage OFFICE) of the sign-off. The decision is
     * committed first (record, step, correction, unsent mark in one transaction) and only then sent: a failed commit
     * sends nothing. If the broker does not acknowledge the send, the decision stays committed, {@code delivered} is
     * false, and {@link #resendUnsent} sends it later. Asking for the same decision again (a retry) answers the decision
     * taken and re-sends it if it is still unsent. Empty when the revision is not (or no longer) in the queue.
     *
     * @throws SignOffRefused WRONG_STAGE when the revision waits for its leader (TWO_LEVEL); INVALID for a bad item
     */
    public Optional<Decided> decide(String schoolCode, String itemId, int revision, Action action, Integer checklistItem,
                                    String note, String who) {
        SignOffService.Request req = switch (action) {
            case CONFIRM -> new SignOffService.Request(SignOffAction.APPROVE, null, note, null, null);
            case CORRECT -> new SignOffService.Request(SignOffAction.CORRECT, checklistItem, note, null, null);
            case REJECT -> new SignOffService.Request(SignOffAction.WITHHOLD, null, note, WithholdReason.OTHER, null);
        };
        try {
            SignOffService.Outcome o = signOff.decide(schoolCode, itemId, revision,
                    new SignOffService.Actor(who, SignOffService.ActorRole.OPERATOR), req);
            return Optional.of(new Decided(o.event(), o.delivered()));
        } catch (SignOffRefused e) {
            if (e.reason() == SignOffRefused.Reason.NOT_FOUND || e.reason() == SignOffRefused.Reason.ALREADY_DECIDED) {
                return Optional.empty();
            }
            if (e.reason() == SignOffRefused.Reason.INVALID) {
                throw new IllegalArgumentException(e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Sends the committed decisions that have waited at least {@code minAge} (so that a request still sending its own
     * decision is left alone); returns how many were acknowledged.
     */
    public int resendUnsent(Duration minAge) {
        return delivery.resendUnsent(minAge);
    }

    public List<Correction> corrections(int limit) {
        return QuarkusTransaction.requiringNew().call(() ->
                Correction.<Correction>find("order by correctedAt desc").range(0, limit - 1).list());
    }
}
