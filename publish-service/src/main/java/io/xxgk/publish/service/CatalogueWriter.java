package io.xxgk.publish.service;

import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.procurement.ProjectNumbers;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.publish.repository.SignOffStepRow;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.publish.repository.EntryStatus;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.publish.repository.StorageLimits;
import io.xxgk.publish.repository.statistics.EntryFacts;
import io.xxgk.publish.service.statistics.StatisticsCounting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * Applies one classified revision. Idempotent: a revision already in the history changes nothing (except a held
 * revision that a person has since decided on), and an older revision arriving after a newer one only joins the
 * history.
 */
@ApplicationScoped
public class CatalogueWriter {

    /** The school's day of an instant (made public on, revised on). */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    private final StatisticsCounting counting;
    private final SchoolDataVersions versions;

    public CatalogueWriter(StatisticsCounting counting, SchoolDataVersions versions) {
        this.counting = counting;
        this.versions = versions;
    }

    /**
     * @throws UnstorableEventException before writing anything, and without dooming the caller's transaction, when
     *                                  the event can never be stored (the caller sets it aside and goes on)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = UnstorableEventException.class)
    public void apply(ItemClassified e, String rawEvent) {
        Stored v = Stored.of(e);
        CatalogueHistory h = CatalogueHistory.findById(new CatalogueHistory.Key(e.schoolCode(), e.itemId(), e.revision()));
        if (h != null && !decidedSince(h, e)) {
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
        storeSteps(e);
        // whatever follows (a new entry, a revision, held, withheld, withdrawn, a sign-off step) is a new data version
        versions.changed(e.schoolCode());

        CatalogueEntry entry = CatalogueEntry.findEntry(e.schoolCode(), e.itemId());
        if (entry != null && entry.revision > e.revision()) {
            return;
        }
        if (entry == null && e.title() == null) {
            return;
        }
        EntryFacts before = counting.facts(entry);
        if (entry == null) {
            entry = new CatalogueEntry();
            entry.schoolCode = e.schoolCode();
            entry.itemId = e.itemId();
        }
        boolean publicAlready = entry.revision == e.revision() && EntryStatus.PUBLISHED.name().equals(entry.status);
        entry.revision = e.revision();
        // defence in depth: a PUBLISH whose sign-off is incomplete (mode OFFICE or TWO_LEVEL without every approval)
        // is never public; an internal item (校内公开) never is either
        entry.status = (e.decision() == Decision.PUBLISH && !e.publishable() ? EntryStatus.HELD : EntryStatus.of(e.decision(), e.scope())).name();
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
            entry.projectNumber = projectNumber(e.kind(), v.title(), e.body());
        }
        if (EntryStatus.PUBLISHED.name().equals(entry.status) && !publicAlready) {
            madePublic(entry, e);
        }
        entry.persist();
        // the statistics' counts change in the same transaction
        counting.changed(before, counting.facts(entry));
    }

    /**
     * Writes the statistics' counts and the schools' data versions of the entries applied so far in this transaction
     * (the caller's batch) now; left out, they are written just before the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        counting.flush();
        versions.flush();
    }

    /** The project number of a procurement notice or result; none for other kinds. */
    static String projectNumber(ItemKind kind, String title, String body) {
        return kind == ItemKind.PROCUREMENT_NOTICE || kind == ItemKind.TENDER_RESULT
                ? ProjectNumbers.extract(title, body).orElse(null) : null;
    }

    /**
     * Records, beside the dates the department declared, when the system made this revision public, and for a
     * correction the day it was made (its own 20 working days run from there). The first publication's dates are kept
     * for good: a later correction does not make the original publication look late.
     */
    private static void madePublic(CatalogueEntry entry, ItemClassified e) {
        Instant at = publicAt(e);
        entry.madePublicAt = at;
        entry.revisedOn = e.revision() > 1 ? LocalDate.ofInstant(e.classifiedAt() == null ? at : e.classifiedAt(), SCHOOL_ZONE) : null;
        if (entry.originalProducedDate == null) {
            entry.originalProducedDate = entry.producedDate;
            entry.originalPublishedDate = entry.publishedDate;
            entry.originalMadePublicAt = at;
        }
    }

    /**
     * The moment the sign-off let the revision out: its last step (the approval that completed it), or, in mode AUTO
     * without steps, when it was classified. ItemClassified carries no submission time; classification follows it.
     */
    static Instant publicAt(ItemClassified e) {
        Instant at = e.classifiedAt();
        if (e.signOff() != null) {
            for (SignOffStep s : e.signOff().steps()) {
                if (s != null && s.at() != null && (at == null || s.at().isAfter(at))) {
                    at = s.at();
                }
            }
        }
        return at == null ? Instant.now() : at;
    }

    /**
     * A later event on a revision still open (held, or a PUBLISH whose sign-off is incomplete): a person's decision on
     * a held revision, or one more sign-off step (the leader's after the office's).
     */
    private static boolean decidedSince(CatalogueHistory h, ItemClassified e) {
        ItemClassified stored;
        try {
            stored = EventCodec.decode(h.event, ItemClassified.class);
        } catch (RuntimeException unreadable) {
            return Decision.HOLD.name().equals(h.decision) && e.decision() != Decision.HOLD;
        }
        boolean open = stored.decision() == Decision.HOLD || (stored.decision() == Decision.PUBLISH && !stored.publishable());
        if (!open) {
            return false;
        }
        int before = stored.signOffOrAuto().steps().size();
        int now = e.signOffOrAuto().steps().size();
        return now > before || (now == before && stored.decision() == Decision.HOLD && e.decision() != Decision.HOLD);
    }

    /** The steps the event carries, each stored once (a replay or an event with more steps adds only the new ones). */
    private static void storeSteps(ItemClassified e) {
        SignOff so = e.signOff();
        if (so == null) {
            return;
        }
        for (int i = 0; i < so.steps().size(); i++) {
            SignOffStep s = so.steps().get(i);
            if (s == null || SignOffStepRow.findById(new SignOffStepRow.Key(e.schoolCode(), e.itemId(), e.revision(), i + 1)) != null) {
                continue;
            }
            SignOffStepRow row = new SignOffStepRow();
            row.schoolCode = e.schoolCode();
            row.itemId = e.itemId();
            row.revision = e.revision();
            row.step = i + 1;
            row.mode = so.mode() == null ? "AUTO" : so.mode().name();
            row.stage = s.stage() == null ? "OFFICE" : s.stage().name();
            row.action = s.action() == null ? "APPROVE" : s.action().name();
            row.actor = StorableValues.text(s.actor() == null ? "?" : s.actor());
            row.actorRole = s.role() == null ? "?" : s.role();
            row.decidedAt = s.at() == null ? e.classifiedAt() : s.at();
            row.note = StorableValues.text(s.note());
            row.checklistItem = s.checklistItem();
            row.withholdReason = s.withholdReason();
            row.persist();
        }
    }

    /** The checked values of an event; every check happens before the first write. */
    private record Stored(String department, String title) {

        static Stored of(ItemClassified e) {
            StorableValues.key("schoolCode", e.schoolCode(), StorageLimits.SCHOOL_CODE_CHARS);
            StorableValues.key("itemId", e.itemId(), StorageLimits.ID_CHARS);
            StorableValues.required("decision", e.decision());
            if (e.signOff() != null) {
                for (SignOffStep s : e.signOff().steps()) {
                    if (s != null) {
                        StorableValues.boundedText("signOff.steps.actor", s.actor() == null ? "" : s.actor(), 100);
                        StorableValues.key("signOff.steps.role", s.role() == null ? "?" : s.role(), 16);
                        if (s.withholdReason() != null) {
                            StorableValues.key("signOff.steps.withholdReason", s.withholdReason(), 32);
                        }
                    }
                }
            }
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
