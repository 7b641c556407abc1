package io.xxgk.publish.service;

import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.publish.repository.EntryStatus;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ItemClassified e, String rawEvent) {
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
        h.event = rawEvent;
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
        entry.status = EntryStatus.of(e.decision()).name();
        entry.updatedAt = Instant.now();
        if (e.title() != null) {
            // a withdrawal carries the item's last content; keep what we had if it does not
            entry.checklistItem = e.checklistItem();
            entry.category = e.category();
            entry.confidence = e.confidence();
            entry.department = e.department();
            entry.title = e.title();
            entry.body = e.body();
            entry.kind = e.kind() == null ? "OTHER" : e.kind().name();
            entry.producedDate = e.producedDate();
            entry.publishedDate = e.publishedDate();
            entry.channels = e.channels().stream().map(Channel::name).collect(Collectors.joining(","));
            entry.sourceUrl = e.sourceUrl();
            entry.withholdReason = e.withholdReason();
            entry.attachments = e.attachments().isEmpty() ? null : EventCodec.encode(e.attachments());
        }
        entry.persist();
    }
}
