package io.xxgk.publish.service;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.EntryColumns;
import io.xxgk.publish.repository.statistics.StatisticsCounts;
import io.xxgk.publish.service.coverage.NotApplicableService;
import io.xxgk.publish.service.links.ColumnLinkService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Builds a school's catalogue from the published entries: per checklist item, the newest {@code entriesPerItem}
 * entries (an index probe each) and the count in the period (a sum of the maintained counts of V13). Read through
 * {@link CatalogueService}, which keeps the views it builds.
 */
@ApplicationScoped
public class CatalogueBuilder {

    private final EntityManager em;
    private final ChecklistCatalog checklists;
    private final NotApplicableService notApplicable;
    private final ColumnLinkService columnLinks;
    private final StatisticsCounts counts;

    public CatalogueBuilder(EntityManager em, ChecklistCatalog checklists, NotApplicableService notApplicable,
                            ColumnLinkService columnLinks, StatisticsCounts counts) {
        this.em = em;
        this.counts = counts;
        this.columnLinks = columnLinks;
        this.checklists = checklists;
        this.notApplicable = notApplicable;
    }

    @Transactional
    public CatalogueView catalogue(School school, Integer year, int entriesPerItem) {
        Checklist checklist = checklists.forSchool(school);
        LocalDate from = year == null ? LocalDate.of(1900, 1, 1) : school.statisticsPeriod().start(year);
        LocalDate to = year == null ? LocalDate.of(9999, 12, 31) : school.statisticsPeriod().end(year);

        // one index probe per checklist item (catalogue_latest_by_item), newest first, instead of ranking every entry
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select i.n as checklist_item, e.item_id, e.title, e.department, e.kind, e.produced_date,
                               e.published_date, e.source_url, e.attachments
                        from generate_series(1, 50) as i(n)
                        cross join lateral (
                            select c.item_id, c.title, c.department, c.kind, c.produced_date, c.published_date,
                                   c.source_url, c.attachments
                            from catalogue_entry c
                            where c.school_code = :school and c.status = 'PUBLISHED' and c.checklist_item = i.n
                              and c.item_date between :from and :to
                            order by c.item_date desc, c.item_id
                            limit :limit) e
                        order by i.n""", Tuple.class)
                .setParameter("school", school.code())
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", entriesPerItem)
                .getResultList();
        // the count per item in the period: the maintained counts (V13), not the entries
        Map<Integer, Long> totals = counts.perChecklistItem(school.code(), from, to);
        Map<Integer, List<CatalogueView.Entry>> entries = new HashMap<>();
        for (Tuple t : rows) {
            int item = ((Number) t.get("checklist_item")).intValue();
            String id = (String) t.get("item_id");
            String source = (String) t.get("source_url");
            entries.computeIfAbsent(item, k -> new ArrayList<>()).add(new CatalogueView.Entry(id, (String) t.get("title"),
                    (String) t.get("department"), (String) t.get("kind"), EntryColumns.date(t.get("produced_date")),
                    EntryColumns.date(t.get("published_date")),
                    ItemLinks.link(school.code(), id, source),
                    EntryColumns.attachments((String) t.get("attachments"))));
        }

        // standing items published before the period and still published count as covered (ChecklistCoverage)
        Set<Integer> earlier = year == null ? Set.of() : counts.checklistItemsBefore(school.code(), from);
        ChecklistCoverage coverage = ChecklistCoverage.of(checklist, school.kind(), entries::containsKey, earlier::contains,
                notApplicable.reasons(school.code()));
        Map<Integer, String> links = columnLinks.urls(school.code());
        List<CatalogueView.Category> categories = new ArrayList<>();
        for (ChecklistCategory c : checklist.categories()) {
            List<CatalogueView.Item> items = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                items.add(new CatalogueView.Item(i.number(), i.textFor(school.kind()), coverage.status(i.number()).name(),
                        totals.getOrDefault(i.number(), 0L), entries.getOrDefault(i.number(), List.of()),
                        i.responsibleDepartment(), i.updateCadence(), i.subItems(), coverage.reason(i.number()),
                        i.recurrence().name(), links.get(i.number())));
            }
            categories.add(new CatalogueView.Category(c.number(), c.label(), c.name(), items));
        }
        CatalogueView.Period period = year == null ? null
                : new CatalogueView.Period(year, school.statisticsPeriod().name(), from, to);
        return new CatalogueView(SchoolView.of(school), checklist.id(), checklist.title(), period,
                new CatalogueView.Summary(coverage.published(), coverage.missing(), coverage.notApplicable(),
                        coverage.standing()), categories);
    }
}
