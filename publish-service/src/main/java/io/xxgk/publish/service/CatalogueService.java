package io.xxgk.publish.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.school.School;
import io.xxgk.publish.rest.CatalogueView;
import io.xxgk.publish.rest.SchoolView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a school's catalogue from the published entries: one indexed query that returns, per checklist item,
 * the newest {@code entriesPerItem} entries and the total count.
 */
@ApplicationScoped
public class CatalogueService {

    private static final TypeReference<List<AttachmentRef>> ATTACHMENTS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ChecklistCatalog checklists;

    public CatalogueService(EntityManager em, ChecklistCatalog checklists) {
        this.em = em;
        this.checklists = checklists;
    }

    @Transactional
    public CatalogueView catalogue(School school, Integer year, int entriesPerItem) {
        Checklist checklist = checklists.forSchool(school);
        LocalDate from = year == null ? LocalDate.of(1900, 1, 1) : school.statisticsPeriod().start(year);
        LocalDate to = year == null ? LocalDate.of(9999, 12, 31) : school.statisticsPeriod().end(year);

        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select item_id, title, department, kind, produced_date, published_date, source_url, attachments,
                               checklist_item, total
                        from (select e.*, row_number() over w as rn, count(*) over (partition by e.checklist_item) as total
                              from catalogue_entry e
                              where e.school_code = :school and e.status = 'PUBLISHED' and e.checklist_item is not null
                                and coalesce(e.published_date, e.produced_date) between :from and :to
                              window w as (partition by e.checklist_item
                                           order by coalesce(e.published_date, e.produced_date) desc, e.item_id)) x
                        where rn <= :limit
                        order by checklist_item, rn""", Tuple.class)
                .setParameter("school", school.code())
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", entriesPerItem)
                .getResultList();

        Map<Integer, List<CatalogueView.Entry>> entries = new HashMap<>();
        Map<Integer, Long> totals = new HashMap<>();
        for (Tuple t : rows) {
            int item = ((Number) t.get("checklist_item")).intValue();
            totals.put(item, ((Number) t.get("total")).longValue());
            String id = (String) t.get("item_id");
            String source = (String) t.get("source_url");
            entries.computeIfAbsent(item, k -> new ArrayList<>()).add(new CatalogueView.Entry(id, (String) t.get("title"),
                    (String) t.get("department"), (String) t.get("kind"), date(t.get("produced_date")),
                    date(t.get("published_date")),
                    source != null ? source : "/api/v1/schools/" + school.code() + "/items/" + id,
                    attachments((String) t.get("attachments"))));
        }

        int published = 0;
        int missing = 0;
        int notApplicable = 0;
        List<CatalogueView.Category> categories = new ArrayList<>();
        for (ChecklistCategory c : checklist.categories()) {
            List<CatalogueView.Item> items = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                List<CatalogueView.Entry> list = entries.getOrDefault(i.number(), List.of());
                String status;
                if (!i.appliesTo(school.kind())) {
                    status = "NOT_APPLICABLE";
                    notApplicable++;
                } else if (list.isEmpty()) {
                    status = "MISSING";
                    missing++;
                } else {
                    status = "PUBLISHED";
                    published++;
                }
                items.add(new CatalogueView.Item(i.number(), i.text(), status, totals.getOrDefault(i.number(), 0L), list));
            }
            categories.add(new CatalogueView.Category(c.number(), c.label(), c.name(), items));
        }
        CatalogueView.Period period = year == null ? null
                : new CatalogueView.Period(year, school.statisticsPeriod().name(), from, to);
        return new CatalogueView(SchoolView.of(school), checklist.id(), checklist.title(), period,
                new CatalogueView.Summary(published, missing, notApplicable), categories);
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    private static List<AttachmentRef> attachments(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, ATTACHMENTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
