package io.xxgk.publish.service.coverage;

import java.time.Instant;

/** A 本校不涉及 mark: the item, why, and who marked it when (role REVIEWER or ADMIN). */
public record NotApplicableView(String schoolCode, int item, String reason, String markedBy, String markedRole,
                                Instant markedAt) {

    /** One mark (MARK) or unmark (UNMARK) of the item. */
    public record LogEntry(String action, String reason, String actor, String actorRole, Instant at) {
    }
}
