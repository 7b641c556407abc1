package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.classify.repository.UnsentReview;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's decision is committed first, with an unsent mark, and only then sent; the mark is cleared once the broker
 * acknowledged the event. A decision the broker did not take is re-sent by {@link #resendUnsent}. A later decision on
 * the same revision replaces an unsent earlier one: its event carries every step taken so far.
 */
@ApplicationScoped
public class DecisionDelivery {

    private static final Logger LOG = Logger.getLogger(DecisionDelivery.class);

    private final ReviewDecisionSender sender;
    private final Clock clock;

    public DecisionDelivery(ReviewDecisionSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Marks {@code event} as unsent, inside the transaction that commits the decision. */
    static void markUnsent(StoredDecision.Key key, String event, Instant decidedAt) {
        UnsentReview unsent = UnsentReview.findById(key);
        if (unsent == null) {
            unsent = new UnsentReview();
            unsent.schoolCode = key.schoolCode;
            unsent.itemId = key.itemId;
            unsent.revision = key.revision;
        }
        unsent.event = event;
        unsent.decidedAt = decidedAt;
        unsent.persist();
    }

    /** Sends the unsent decision of {@code key}, if there is one; true when nothing is left unsent. */
    public boolean deliver(StoredDecision.Key key) {
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
}
