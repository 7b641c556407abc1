package io.xxgk.publish.statistics;

import io.xxgk.contract.event.DisclosureRequestEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Applies one revision of a register entry. Idempotent by (school, record, revision): a revision already in the
 * history changes nothing, an older revision arriving after a newer one only joins the history, a newer one
 * replaces the entry.
 */
@ApplicationScoped
public class DisclosureRequestWriter {

    /** @return true when the entry now reflects this revision */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(DisclosureRequestEvent e, String rawEvent) {
        if (DisclosureRequestRevision.exists(e.schoolCode(), e.recordId(), e.revision())) {
            return false;
        }
        DisclosureRequestRevision h = new DisclosureRequestRevision();
        h.schoolCode = e.schoolCode();
        h.recordId = e.recordId();
        h.revision = e.revision();
        h.event = rawEvent;
        h.receivedAt = Instant.now();
        h.persist();

        DisclosureRequestRecord r = DisclosureRequestRecord.findRecord(e.schoolCode(), e.recordId());
        if (r != null && r.revision > e.revision()) {
            return false;
        }
        if (r == null) {
            r = new DisclosureRequestRecord();
            r.schoolCode = e.schoolCode();
            r.recordId = e.recordId();
        }
        r.revision = e.revision();
        r.recordType = e.type().name();
        r.receivedDate = e.receivedDate();
        r.applicantType = e.applicantType() == null ? null : e.applicantType().name();
        r.subject = e.subject();
        r.answerType = e.answerType() == null ? null : e.answerType().name();
        r.answeredDate = e.answeredDate();
        r.feeYuan = e.feeYuan();
        r.outcome = e.outcome() == null ? null : e.outcome().name();
        r.submittedAt = e.submittedAt();
        r.updatedAt = Instant.now();
        r.persist();
        return true;
    }
}
