package io.xxgk.publish.service;

import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.publish.repository.EntryStatus;
import io.xxgk.publish.repository.StorageLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Applies one classified revision. Idempotent: a revision already in the history changes nothing (except a held
 * revision that a person has since decided on), and an older revision arriving after a newer one only joins the
 * history.
 */
@ApplicationScoped
public class CatalogueWriter {

    /**
     * @throws UnstorableEventException before writing anything, and without dooming the caller's transaction, when
     *                                  the event can never be stored (the caller sets it aside and goes on)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = UnstorableEventException.class)
    public void apply(ItemClassified e, String rawEvent) {
        Stored v = Stored.of(e);
        CatalogueHistory h = CatalogueHistory.findById(new CatalogueHistory.Key(e.schoolCode(), e.itemId(), e.revision()));
        if (h != null && !(Decision.HOLD.name().equals(h.decision)
                && e.decision() != Decision.HOLD)) {
            // already applied; the only later change to a revision is a person's decision on a held item
            return;
        }
        if (h == null) {
            h = new CatalogueHistory();
            h.schoolCode = e.schoolCode();
            h.itemId = e.itemId();
            h.revision = e.revision();
        }
        h.decision = e.decision().name();
        h.event = StorableValues.text(rawEvent);
        h.receivedAt = Instant.now();
        h.persist();

        CatalogueEntry entry = CatalogueEntry.findEntry(e.schoolCode(), e.itemId());
        if (entry != null && entry.revision > e.revision()) {
            return;
        }
        if (entry == null && e.title() == null) {
            return;
        }
        if (entry == null) {
            entry = new CatalogueEntry();
            entry.schoolCode = e.schoolCode();
            entry.itemId = e.itemId();
        }
        entry.revision = e.revision();
        entry.status = EntryStatus.of(e.decision(), e.scope()).name();
        entry.updatedAt = Instant.now();
        if (e.title() != null) {
            // a withdrawal carries the item's last content; keep what we had if it does not
            entry.checklistItem = e.checklistItem();
            entry.category = e.category();
            entry.confidence = e.confidence();
            entry.department = v.department();
            entry.title = v.title();
            entry.body = StorableValues.text(e.body());
            entry.kind = e.kind() == null ? "OTHER" : e.kind().name();
            entry.producedDate = e.producedDate();
            entry.publishedDate = e.publishedDate();
            entry.channels = e.channels().stream().map(Channel::name).distinct().collect(Collectors.joining(","));
            entry.sourceUrl = StorableValues.text(e.sourceUrl());
            entry.withholdReason = StorableValues.text(e.withholdReason());
            entry.attachments = e.attachments().isEmpty() ? null : EventCodec.encode(e.attachments());
        }
        entry.persist();
    }

    /** The checked values of an event; every check happens before the first write. */
    private record Stored(String department, String title) {

        static Stored of(ItemClassified e) {
            StorableValues.key("schoolCode", e.schoolCode(), StorageLimits.SCHOOL_CODE_CHARS);
            StorableValues.key("itemId", e.itemId(), StorageLimits.ID_CHARS);
            StorableValues.required("decision", e.decision());
            if (e.title() == null) {
                return new Stored(null, null);
            }
            StorableValues.date("producedDate", e.producedDate(), true);
            StorableValues.date("publishedDate", e.publishedDate(), false);
            return new Stored(StorableValues.boundedText("department", e.department(), StorageLimits.DEPARTMENT_CHARS),
                    StorableValues.text(e.title()));
        }
    }
}
