package io.xxgk.publish.service.browse;

import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.service.ItemLinks;
import io.xxgk.publish.repository.EntryColumns;
import io.xxgk.publish.repository.EntryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads published entries for the public: one entry, or a filtered, keyword-searched page of them in a stable order.
 * Only status PUBLISHED is ever read; held, withheld and withdrawn entries are indistinguishable from absent ones.
 *
 * <p>Order: newest first by {@link #SORT_DATE}, then item id ascending (the catalogue's order). Pages are cut by
 * keyset on that pair (see {@link PageCursor}), never by offset. Indexes: V3__search.sql.
 *
 * <p>Keyword search: each whitespace-separated term must occur in the title or the body (case-insensitive
 * substring, ILIKE with wildcards escaped), all terms AND-ed. Terms of two or more characters are first narrowed
 * by the GIN index on the character bigrams of title and body ({@link #DOCUMENT_BIGRAMS}); one-character terms
 * rely on ILIKE alone. Results keep the date order; there is no relevance ranking.
 */
@ApplicationScoped
public class EntrySearchService {

    /** The sort date of an entry, coalesce(published_date, produced_date) stored as a column (V5), as the indexes are. */
    public static final String SORT_DATE = "e.item_date";

    /** Must stay identical to the expression of the index catalogue_public_search (V3__search.sql). */
    public static final String DOCUMENT_BIGRAMS = "xxgk_bigrams(e.title || ' ' || coalesce(e.body, ''))";


    private final EntityManager em;
    private final ChecklistCatalog checklists;

    public EntrySearchService(EntityManager em, ChecklistCatalog checklists) {
        this.em = em;
        this.checklists = checklists;
    }

    /** The entry if it exists <em>and</em> is published; empty otherwise, whatever the reason. */
    @Transactional
    public Optional<ItemDetail> detail(School school, String itemId) {
        if (itemId == null || itemId.isEmpty() || itemId.length() > 128) {
            return Optional.empty();
        }
        CatalogueEntry e = CatalogueEntry.findEntry(school.code(), itemId);
        if (e == null || !EntryStatus.PUBLISHED.name().equals(e.status)) {
            return Optional.empty();
        }
        Checklist checklist = checklists.forSchool(school);
        ItemDetail.ChecklistRef item = null;
        ItemDetail.CategoryRef category = null;
        if (e.checklistItem != null) {
            Optional<ChecklistItem> i = checklist.item(e.checklistItem);
            item = new ItemDetail.ChecklistRef(e.checklistItem, i.map(ChecklistItem::text).orElse(null));
        }
        Optional<ChecklistCategory> c = e.category != null
                ? checklist.categories().stream().filter(x -> x.number() == e.category).findFirst()
                : e.checklistItem != null ? checklist.categoryOf(e.checklistItem) : Optional.empty();
        if (c.isPresent()) {
            category = new ItemDetail.CategoryRef(c.get().number(), c.get().label(), c.get().name());
        } else if (e.category != null) {
            category = new ItemDetail.CategoryRef(e.category, null, null);
        }
        List<ItemDetail.Code> channels = e.channels == null || e.channels.isBlank() ? List.of()
                : Arrays.stream(e.channels.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> new ItemDetail.Code(s, channelLabel(s))).toList();
        return Optional.of(new ItemDetail(e.itemId, school.code(), e.revision, e.title, e.body, e.department, e.kind,
                kindLabel(e.kind), e.producedDate, e.publishedDate, channels, item, category,
                ItemLinks.link(school.code(), e.itemId, e.sourceUrl), e.sourceUrl, EntryColumns.attachments(e.attachments), e.updatedAt,
                e.madePublicAt));
    }

    /**
     * One page of published entries matching {@code q}.
     *
     * @param nextUrl turns the next page's cursor into the URL of the next page
     */
    @Transactional
    public ItemPage page(School school, ItemQuery q, UnaryOperator<String> nextUrl) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(school, q, params);

        StringBuilder sql = new StringBuilder("""
                select e.item_id, e.title, e.department, e.kind, e.produced_date, e.published_date, e.checklist_item,
                       e.category, e.source_url, %s as sort_date
                from catalogue_entry e
                where %s""".formatted(SORT_DATE, where));
        if (q.after() != null) {
            // (sort_date, item_id) after the cursor in "date desc, id asc" order; the first conjunct bounds the index scan
            sql.append("\n  and ").append(SORT_DATE).append(" <= :afterDate and (").append(SORT_DATE)
                    .append(" < :afterDate or e.item_id > :afterId)");
            params.put("afterDate", q.after().date());
            params.put("afterId", q.after().itemId());
        }
        sql.append("\norder by ").append(SORT_DATE).append(" desc, e.item_id\nlimit :limit");
        params.put("limit", q.limit() + 1);

        Query query = em.createNativeQuery(sql.toString(), Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();

        boolean more = rows.size() > q.limit();
        List<Tuple> shown = more ? rows.subList(0, q.limit()) : rows;
        List<ItemSummary> items = new ArrayList<>(shown.size());
        for (Tuple t : shown) {
            String id = (String) t.get("item_id");
            String source = (String) t.get("source_url");
            String detail = ItemLinks.detailUrl(school.code(), id);
            String kind = (String) t.get("kind");
            items.add(new ItemSummary(id, (String) t.get("title"), (String) t.get("department"), kind, kindLabel(kind),
                    EntryColumns.date(t.get("produced_date")), EntryColumns.date(t.get("published_date")), integer(t.get("checklist_item")),
                    integer(t.get("category")), ItemLinks.link(school.code(), id, source), detail));
        }
        String next = null;
        if (more) {
            Tuple last = shown.get(shown.size() - 1);
            next = new PageCursor(EntryColumns.date(last.get("sort_date")), (String) last.get("item_id")).encode();
        }

        Long total = null;
        if (q.firstPage()) {
            if (!more) {
                total = (long) items.size();
            } else {
                Map<String, Object> countParams = new LinkedHashMap<>();
                Query count = em.createNativeQuery("select count(*) from catalogue_entry e where " + where(school, q, countParams));
                countParams.forEach(count::setParameter);
                total = ((Number) count.getSingleResult()).longValue();
            }
        }
        return new ItemPage(school.code(), q.limit(), items.size(), total, items, next, next == null ? null : nextUrl.apply(next));
    }

    private static String where(School school, ItemQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("e.school_code = :school and e.status = 'PUBLISHED'");
        params.put("school", school.code());
        if (q.category() != null) {
            w.append(" and e.category = :category");
            params.put("category", q.category());
        }
        if (q.checklistItem() != null) {
            w.append(" and e.checklist_item = :checklistItem");
            params.put("checklistItem", q.checklistItem());
        }
        if (q.department() != null) {
            w.append(" and e.department = :department");
            params.put("department", q.department());
        }
        if (q.kind() != null) {
            w.append(" and e.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.from() != null) {
            w.append(" and ").append(SORT_DATE).append(" >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            w.append(" and ").append(SORT_DATE).append(" <= :to");
            params.put("to", q.to());
        }
        List<String> indexable = q.terms().stream().filter(SearchTerms::indexable).toList();
        if (!indexable.isEmpty()) {
            // xxgk_bigrams drops bigrams containing white space, so this is the union of the terms' bigrams
            w.append(" and ").append(DOCUMENT_BIGRAMS).append(" @> xxgk_bigrams(:bigramTerms)");
            params.put("bigramTerms", String.join(" ", indexable));
        }
        for (int i = 0; i < q.terms().size(); i++) {
            String p = "term" + i;
            w.append(" and (e.title ilike :").append(p).append(" escape '\\' or e.body ilike :").append(p).append(" escape '\\')");
            params.put(p, SearchTerms.containsPattern(q.terms().get(i)));
        }
        return w.toString();
    }

    private static String kindLabel(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ItemKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String channelLabel(String channel) {
        try {
            return Channel.valueOf(channel).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
