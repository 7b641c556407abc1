package io.xxgk.publish.service.coverage;

import io.xxgk.contract.checklist.Cadence;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.coverage.CoverageQueries;
import io.xxgk.publish.repository.coverage.CoverageQueries.HeldEntry;
import io.xxgk.publish.repository.coverage.CoverageQueries.ItemEvidence;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.ChecklistCoverage;
import io.xxgk.publish.service.ChecklistCoverage.Status;
import io.xxgk.publish.service.ItemLinks;
import io.xxgk.publish.service.Percent;
import io.xxgk.publish.service.links.ColumnLinkService;
import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.statistics.StatisticsService;
import io.xxgk.publish.service.statistics.StatisticsView;
import io.xxgk.publish.service.statistics.WorkingDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Coverage and deadlines of a school or one of its departments in a period, by the rule of {@link ChecklistCoverage}
 * and the cadence in the school's checklist variant; working days from {@link WorkingDays}.
 */
@ApplicationScoped
public class CoverageService {

    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_WAITING = 200;

    private final CoverageQueries queries;
    private final ChecklistCatalog checklists;
    private final NotApplicableService notApplicable;
    private final WorkingDays workingDays;
    private final int waitingLimit;
    private final ColumnLinkService columnLinks;

    public CoverageService(CoverageQueries queries, ChecklistCatalog checklists, NotApplicableService notApplicable,
                           WorkingDays workingDays, ColumnLinkService columnLinks,
                           @ConfigProperty(name = "xxgk.coverage.waiting-working-days", defaultValue = "5") int waitingLimit) {
        this.queries = queries;
        this.checklists = checklists;
        this.notApplicable = notApplicable;
        this.workingDays = workingDays;
        this.waitingLimit = waitingLimit;
        this.columnLinks = columnLinks;
    }

    public static LocalDate today() {
        return LocalDate.now(SCHOOL_ZONE);
    }

    /** @param department null for the whole school */
    @Transactional
    public CoverageView coverage(School school, int year, LocalDate asOf, String department) {
        Checklist checklist = checklists.forSchool(school);
        LocalDate from = school.statisticsPeriod().start(year);
        LocalDate to = school.statisticsPeriod().end(year);
        Map<Integer, ItemEvidence> evidence = queries.evidence(school.code(), from, to);
        Map<Integer, NotApplicableView> marks = new LinkedHashMap<>();
        Map<Integer, String> reasons = new LinkedHashMap<>();
        for (NotApplicableView m : notApplicable.marks(school.code())) {
            marks.put(m.item(), m);
            reasons.put(m.item(), m.reason());
        }
        ChecklistCoverage rule = ChecklistCoverage.of(checklist, school.kind(),
                i -> evidence.containsKey(i) && evidence.get(i).inPeriod() > 0,
                i -> evidence.containsKey(i) && evidence.get(i).latestBefore() != null, reasons);

        Map<Integer, String> links = columnLinks.urls(school.code());
        List<CoverageView.Category> categories = new ArrayList<>();
        List<CoverageView.Item> all = new ArrayList<>();
        for (ChecklistCategory c : checklist.categories()) {
            List<CoverageView.Item> items = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                CoverageView.Item item = item(school, i, rule, evidence.get(i.number()), marks.get(i.number()),
                        from, to, asOf, links.get(i.number()));
                all.add(item);
                if (department == null || department.equals(item.department())) {
                    items.add(item);
                }
            }
            if (!items.isEmpty() || department == null) {
                categories.add(new CoverageView.Category(c.number(), c.label(), c.name(), items));
            }
        }
        List<CoverageView.Item> shown = categories.stream().flatMap(c -> c.items().stream()).toList();
        List<CoverageView.Due> overdue = shown.stream().filter(CoverageView.Item::overdue)
                .sorted(Comparator.comparing(CoverageView.Item::dueDate).thenComparingInt(CoverageView.Item::number))
                .map(CoverageService::due).toList();
        List<CoverageView.Due> dueNext = shown.stream()
                .filter(i -> "MISSING".equals(i.status()) && i.dueDate() != null && !i.overdue())
                .sorted(Comparator.comparing(CoverageView.Item::dueDate).thenComparingInt(CoverageView.Item::number))
                .map(CoverageService::due).toList();

        StatisticsView.Period period = StatisticsService.period(school.statisticsPeriod(), year);
        return new CoverageView(SchoolView.of(school), period, asOf, checklist.id(), department, summary(shown),
                departments(all), categories, overdue, dueNext, waitingLimit, waiting(school, department, asOf),
                workingDays.calendarNote(from, to));
    }

    private CoverageView.Item item(School school, ChecklistItem i, ChecklistCoverage rule, ItemEvidence ev,
                                   NotApplicableView mark, LocalDate from, LocalDate to, LocalDate asOf, String columnLink) {
        Status status = rule.status(i.number());
        String department = i.responsibleDepartment() != null ? i.responsibleDepartment()
                : ev == null ? null : ev.latest().department();
        CoverageView.Entry latest = ev == null ? null : new CoverageView.Entry(ev.latest().itemId(), ev.latest().title(),
                ev.latest().department(), ev.latest().date(), ItemLinks.link(school.code(), ev.latest().itemId(), ev.latest().sourceUrl()),
                !ev.latest().date().isBefore(from));
        LocalDate dueDate = status == Status.NOT_APPLICABLE ? null : dueDate(i.cadence(), from, to);
        boolean overdue = status == Status.MISSING && dueDate != null && asOf.isAfter(dueDate);
        return new CoverageView.Item(i.number(), i.textFor(school.kind()), i.recurrence().name(), i.recurrence().label(),
                i.cadenceText(), department, status.name(), statusLabel(status, mark), rule.reason(i.number()),
                status == Status.NOT_APPLICABLE ? mark : null, ev == null ? 0 : ev.inPeriod(), latest, dueDate, overdue,
                overdue ? workingDays.between(dueDate, asOf) : 0, columnLink);
    }

    /** The deadline in the period from the cadence: the fixed day, or the expected event plus its working days. */
    LocalDate dueDate(Cadence cadence, LocalDate from, LocalDate to) {
        if (cadence == null) {
            return null;
        }
        return cadence.anchorIn(from, to).map(a -> workingDays.plusWorkingDays(a, cadence.workingDaysAfterAnchor())).orElse(null);
    }

    private static String statusLabel(Status status, NotApplicableView mark) {
        if (status == Status.NOT_APPLICABLE) {
            return mark != null ? "本校不涉及" : "不适用";
        }
        return status.label();
    }

    private static CoverageView.Due due(CoverageView.Item i) {
        return new CoverageView.Due(i.number(), i.text(), i.department(), i.cadence(), i.dueDate(), i.overdueWorkingDays());
    }

    private static CoverageView.Summary summary(List<CoverageView.Item> items) {
        int published = count(items, "PUBLISHED");
        int standing = count(items, "STANDING");
        int missing = count(items, "MISSING");
        int notApplicable = count(items, "NOT_APPLICABLE");
        int bySchool = (int) items.stream().filter(i -> i.notApplicable() != null).count();
        int applicable = items.size() - notApplicable;
        int overdue = (int) items.stream().filter(CoverageView.Item::overdue).count();
        return new CoverageView.Summary(items.size(), applicable, published, standing, published + standing, missing,
                notApplicable, bySchool, Percent.of(published + standing, applicable), overdue);
    }

    private static int count(List<CoverageView.Item> items, String status) {
        return (int) items.stream().filter(i -> status.equals(i.status())).count();
    }

    /** Every department that owes an item, by name; items without a known department are not listed here. */
    private static List<CoverageView.DepartmentSummary> departments(List<CoverageView.Item> all) {
        Map<String, List<CoverageView.Item>> by = new TreeMap<>();
        for (CoverageView.Item i : all) {
            if (i.department() != null && !"NOT_APPLICABLE".equals(i.status())) {
                by.computeIfAbsent(i.department(), k -> new ArrayList<>()).add(i);
            }
        }
        return by.entrySet().stream().map(e -> {
            List<CoverageView.Item> items = e.getValue();
            int covered = count(items, "PUBLISHED") + count(items, "STANDING");
            return new CoverageView.DepartmentSummary(e.getKey(), items.size(), covered, count(items, "MISSING"),
                    (int) items.stream().filter(CoverageView.Item::overdue).count());
        }).toList();
    }

    private List<CoverageView.Waiting> waiting(School school, String department, LocalDate asOf) {
        List<CoverageView.Waiting> out = new ArrayList<>();
        for (HeldEntry h : queries.heldSince(school.code(), Instant.now(), MAX_WAITING)) {
            if (department != null && !Objects.equals(department, h.department())) {
                continue;
            }
            int days = workingDays.between(h.since().atZone(SCHOOL_ZONE).toLocalDate(), asOf);
            if (days > waitingLimit) {
                out.add(new CoverageView.Waiting(h.itemId(), h.title(), h.department(), h.checklistItem(), h.since(), days));
            }
        }
        return out;
    }
}
