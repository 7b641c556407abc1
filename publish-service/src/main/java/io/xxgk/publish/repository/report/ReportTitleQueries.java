package io.xxgk.publish.repository.report;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The titles the annual report drafts its 重点领域 narrative from: per checklist category, the newest published ones. */
@ApplicationScoped
public class ReportTitleQueries {

    /** count: published entries of the category in the period; titles: the newest, at most the limit asked. */
    public record CategoryTitles(int category, long count, List<String> titles) {
    }

    /** Socially published (PUBLISHED, never INTERNAL or WITHHELD) entries of the period with a checklist category. */
    @SuppressWarnings("unchecked")
    public List<CategoryTitles> newestPerCategory(String school, LocalDate from, LocalDate to, int perCategory) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select category, n, title from (
                          select category, title, count(*) over (partition by category) as n,
                                 row_number() over (partition by category order by item_date desc, item_id) as r
                          from catalogue_entry
                          where school_code = ?1 and status = 'PUBLISHED' and category is not null
                            and item_date between ?2 and ?3) t
                        where r <= ?4
                        order by category, r""")
                .setParameter(1, school).setParameter(2, from).setParameter(3, to).setParameter(4, perCategory)
                .getResultList();
        Map<Integer, long[]> counts = new LinkedHashMap<>();
        Map<Integer, List<String>> titles = new LinkedHashMap<>();
        for (Object[] r : rows) {
            int category = ((Number) r[0]).intValue();
            counts.put(category, new long[]{((Number) r[1]).longValue()});
            titles.computeIfAbsent(category, c -> new ArrayList<>()).add((String) r[2]);
        }
        List<CategoryTitles> out = new ArrayList<>();
        counts.forEach((c, n) -> out.add(new CategoryTitles(c, n[0], List.copyOf(titles.get(c)))));
        return out;
    }
}
