package io.xxgk.publish.service.statistics;

import io.xxgk.publish.repository.DisclosureRequest;
import io.xxgk.publish.repository.DisclosureRequestRevision;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.publish.repository.StorageLimits;
import io.xxgk.publish.service.StorableValues;
import io.xxgk.publish.service.UnstorableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Applies one revision of a register entry. Idempotent by (school, record, revision): a revision already in the
 * history changes nothing, an older revision arriving after a newer one only joins the history, a newer one
 * replaces the entry.
 */
@ApplicationScoped
public class DisclosureRequestWriter {

    private final SchoolDataVersions versions;

    public DisclosureRequestWriter(SchoolDataVersions versions) {
        this.versions = versions;
    }

    /**
     * @return true when the entry now reflects this revision
     * @throws UnstorableEventException before writing anything, and without dooming the caller's transaction, when
     *                                  the event can never be stored
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = UnstorableEventException.class)
    public boolean apply(DisclosureRequestEvent e, String rawEvent) {
        check(e);
        if (DisclosureRequestRevision.exists(e.schoolCode(), e.recordId(), e.revision())) {
            return false;
        }
        DisclosureRequestRevision h = new DisclosureRequestRevision();
        h.schoolCode = e.schoolCode();
        h.recordId = e.recordId();
        h.revision = e.revision();
        h.event = StorableValues.text(rawEvent);
        h.receivedAt = Instant.now();
        h.persist();
        versions.changed(e.schoolCode());

        DisclosureRequest r = DisclosureRequest.findRecord(e.schoolCode(), e.recordId());
        if (r != null && r.revision > e.revision()) {
            return false;
        }
        if (r == null) {
            r = new DisclosureRequest();
            r.schoolCode = e.schoolCode();
            r.recordId = e.recordId();
        }
        r.revision = e.revision();
        r.recordType = e.type().name();
        r.receivedDate = e.receivedDate();
        r.applicantType = e.applicantType() == null ? null : e.applicantType().name();
        r.subject = StorableValues.text(e.subject());
        r.answerType = e.answerType() == null ? null : e.answerType().name();
        r.answeredDate = e.answeredDate();
        r.feeYuan = e.feeYuan();
        r.outcome = e.outcome() == null ? null : e.outcome().name();
        r.submittedAt = e.submittedAt();
        r.updatedAt = Instant.now();
        r.persist();
        return true;
    }

    /** Writes the data versions of the schools changed so far in this transaction (the caller's poll) now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        versions.flush();
    }

    private static void check(DisclosureRequestEvent e) {
        StorableValues.key("schoolCode", e.schoolCode(), StorageLimits.SCHOOL_CODE_CHARS);
        StorableValues.key("recordId", e.recordId(), StorageLimits.ID_CHARS);
        StorableValues.required("type", e.type());
        StorableValues.date("receivedDate", e.receivedDate(), true);
        StorableValues.date("answeredDate", e.answeredDate(), false);
        BigDecimal fee = e.feeYuan();
        if (fee != null && fee.abs().compareTo(BigDecimal.valueOf(StorageLimits.FEE_YUAN_LIMIT)) >= 0) {
            throw new UnstorableEventException("feeYuan", "feeYuan " + fee.toPlainString() + " is not below "
                    + StorageLimits.FEE_YUAN_LIMIT + " yuan");
        }
    }
}
