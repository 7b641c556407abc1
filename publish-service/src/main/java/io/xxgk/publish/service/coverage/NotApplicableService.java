package io.xxgk.publish.service.coverage;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.School;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.publish.repository.coverage.NotApplicableLog;
import io.xxgk.publish.repository.coverage.NotApplicableMark;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.OfficeRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 本校不涉及: the office (reviewer or admin) marks a checklist item as not concerning the school, with the reason;
 * every mark and unmark is logged with who and when. The coverage rule ({@code ChecklistCoverage}) reads the marks.
 */
@ApplicationScoped
public class NotApplicableService {

    public static final int MAX_REASON = 500;

    private final ChecklistCatalog checklists;
    private final SchoolDataVersions versions;

    public NotApplicableService(ChecklistCatalog checklists, SchoolDataVersions versions) {
        this.checklists = checklists;
        this.versions = versions;
    }

    /** The school's marks: item → reason. */
    @Transactional
    public Map<Integer, String> reasons(String schoolCode) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (NotApplicableMark m : NotApplicableMark.ofSchool(schoolCode)) {
            out.put(m.checklistItem, m.reason);
        }
        return out;
    }

    /** Every school's marks at once (the province view). */
    @Transactional
    public Map<String, Map<Integer, String>> reasonsBySchool() {
        Map<String, Map<Integer, String>> out = new LinkedHashMap<>();
        for (NotApplicableMark m : NotApplicableMark.<NotApplicableMark>listAll()) {
            out.computeIfAbsent(m.schoolCode, k -> new LinkedHashMap<>()).put(m.checklistItem, m.reason);
        }
        return out;
    }

    @Transactional
    public List<NotApplicableView> marks(String schoolCode) {
        return NotApplicableMark.ofSchool(schoolCode).stream().map(NotApplicableService::view).toList();
    }

    /** Marks (or re-marks with a new reason) the item; answers the mark. */
    @Transactional
    public NotApplicableView mark(School school, int item, String reason, ActingUser actor) {
        OfficeRoles.requireReviewerOrAdmin(actor, "标记“本校不涉及”", "mark an item as not applicable");
        ChecklistItem i = applicableItem(school, item);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ProblemException.invalid("reason", "required", "give the reason the item does not concern the school",
                    "请填写本校不涉及该事项的原因（reason），例如“学校无校办企业”");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw ProblemException.invalid("reason", "too-long", "the reason may have at most " + MAX_REASON + " characters",
                    "原因（reason）不能超过 " + MAX_REASON + " 个字符");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NotApplicableMark m = NotApplicableMark.findOrNew(school.code(), i.number());
        m.reason = why;
        m.markedBy = actor.name();
        m.markedRole = actor.role().name();
        m.markedAt = now;
        m.persist();
        log(school.code(), i.number(), "MARK", why, actor, now);
        versions.changed(school.code());
        return view(m);
    }

    /** Takes the mark away; 404 naming the item when there is none. */
    @Transactional
    public void unmark(School school, int item, ActingUser actor) {
        OfficeRoles.requireReviewerOrAdmin(actor, "标记“本校不涉及”", "mark an item as not applicable");
        applicableItem(school, item);
        NotApplicableMark m = NotApplicableMark.find(school.code(), item);
        if (m == null) {
            throw ProblemException.notFound("item", "事项 " + item + " 未标记为本校不涉及 / item " + item + " is not marked as not applicable");
        }
        m.delete();
        log(school.code(), item, "UNMARK", null, actor, Instant.now().truncatedTo(ChronoUnit.MICROS));
        versions.changed(school.code());
    }

    @Transactional
    public List<NotApplicableView.LogEntry> history(String schoolCode, int item) {
        return NotApplicableLog.of(schoolCode, item).stream()
                .map(l -> new NotApplicableView.LogEntry(l.action, l.reason, l.actor, l.actorRole, l.at)).toList();
    }

    private ChecklistItem applicableItem(School school, int item) {
        ChecklistItem i = checklists.forSchool(school).item(item).orElseThrow(() -> ProblemException.notFound("item",
                "清单中没有第 " + item + " 项 / the checklist has no item " + item));
        if (!i.appliesTo(school.kind())) {
            throw new ProblemException(409, "conflict", "冲突 / Conflict",
                    "第 " + item + " 项本就不适用于" + school.kind().label() + "，无需标记 / item " + item
                            + " does not apply to this kind of school anyway",
                    List.of(new FieldError("item", "not-applicable-by-kind", "item " + item + " does not apply to "
                            + school.kind().name(), "第 " + item + " 项不适用于" + school.kind().label())));
        }
        return i;
    }

    private static void log(String school, int item, String action, String reason, ActingUser actor, Instant at) {
        NotApplicableLog l = new NotApplicableLog();
        l.schoolCode = school;
        l.checklistItem = item;
        l.action = action;
        l.reason = reason;
        l.actor = actor.name();
        l.actorRole = actor.role().name();
        l.at = at;
        l.persist();
    }

    private static NotApplicableView view(NotApplicableMark m) {
        return new NotApplicableView(m.schoolCode, m.checklistItem, m.reason, m.markedBy, m.markedRole, m.markedAt);
    }
}
