package io.xxgk.publish.repository.coverage;

import io.xxgk.publish.repository.EntryColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the coverage of a school needs from its published entries, per checklist item, up to the end of a period:
 * how many entries the period has, the first of them, whether one was published before it, and the newest entry
 * (over the index catalogue_latest_by_item).
 */
@ApplicationScoped
public class CoverageQueries {

    private final EntityManager em;

    public CoverageQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * @param inPeriod       published entries with item_date in the period
     * @param firstInPeriod  the earliest of them (null when none)
     * @param latestBefore   the newest published entry dated before the period (null when none)
     * @param latest         the newest published entry up to the end of the period
     */
    public record ItemEvidence(int item, long inPeriod, LocalDate firstInPeriod, LocalDate latestBefore, LatestEntry latest) {
    }

    public record LatestEntry(String itemId, String title, String department, LocalDate date, String sourceUrl) {
    }

    /** An entry held for review (not public), oldest first. */
    public record HeldEntry(String itemId, String title, String department, Integer checklistItem, Instant since) {
    }

    public Map<Integer, ItemEvidence> evidence(String school, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select i.n as item, a.in_period, a.first_in_period, a.latest_before,
                               l.item_id, l.title, l.department, l.item_date, l.source_url
                        from generate_series(1, 50) as i(n)
                        cross join lateral (
                            select count(*) filter (where c.item_date >= :from) as in_period,
                                   min(c.item_date) filter (where c.item_date >= :from) as first_in_period,
                                   max(c.item_date) filter (where c.item_date < :from) as latest_before
                            from catalogue_entry c
                            where c.school_code = :school and c.status = 'PUBLISHED' and c.checklist_item = i.n
                              and c.item_date <= :to) a
                        cross join lateral (
                            select c.item_id, c.title, c.department, c.item_date, c.source_url
                            from catalogue_entry c
                            where c.school_code = :school and c.status = 'PUBLISHED' and c.checklist_item = i.n
                              and c.item_date <= :to
                            order by c.item_date desc, c.item_id
                            limit 1) l
                        order by i.n""", Tuple.class)
                .setParameter("school", school)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Map<Integer, ItemEvidence> out = new HashMap<>();
        for (Tuple t : rows) {
            int item = ((Number) t.get("item")).intValue();
            LocalDate date = EntryColumns.date(t.get("item_date"));
            out.put(item, new ItemEvidence(item, ((Number) t.get("in_period")).longValue(),
                    EntryColumns.date(t.get("first_in_period")), EntryColumns.date(t.get("latest_before")),
                    new LatestEntry((String) t.get("item_id"), (String) t.get("title"), (String) t.get("department"), date,
                            (String) t.get("source_url"))));
        }
        return out;
    }

    /** Entries of the school held for review since before {@code before}, oldest first. */
    public List<HeldEntry> heldSince(String school, Instant before, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select item_id, title, department, checklist_item, updated_at from catalogue_entry
                        where school_code = :school and status = 'HELD' and updated_at < :before
                        order by updated_at, item_id
                        limit :limit""", Tuple.class)
                .setParameter("school", school)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(t -> new HeldEntry((String) t.get("item_id"), (String) t.get("title"),
                (String) t.get("department"), t.get("checklist_item") == null ? null : ((Number) t.get("checklist_item")).intValue(),
                instant(t.get("updated_at")))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }
}
