-- Browse and keyword search of published entries: GET /api/v1/schools/{code}/items (EntryResource).
--
-- Every list is ordered newest first by coalesce(published_date, produced_date), then item_id ascending (the
-- catalogue's order), and paged by keyset on that pair. The indexes below serve that order directly, with the
-- common filters in front; all are partial on status = 'PUBLISHED', the only rows the public ever reads.
-- (The checklist item filter uses V2's catalogue_latest_by_item, which has the same shape.)
create index catalogue_public_by_date on catalogue_entry
    (school_code, (coalesce(published_date, produced_date)) desc, item_id) where status = 'PUBLISHED';
create index catalogue_public_by_kind on catalogue_entry
    (school_code, kind, (coalesce(published_date, produced_date)) desc, item_id) where status = 'PUBLISHED';
create index catalogue_public_by_department on catalogue_entry
    (school_code, department, (coalesce(published_date, produced_date)) desc, item_id) where status = 'PUBLISHED';
create index catalogue_public_by_category on catalogue_entry
    (school_code, category, (coalesce(published_date, produced_date)) desc, item_id) where status = 'PUBLISHED';

-- Keyword search for Chinese. PostgreSQL has no Chinese text-search parser, and pg_trgm does not fit Chinese:
-- it cannot use its index for a two-character term (招标, 预算, 招生: the commonest Chinese words), and in a
-- database whose LC_CTYPE is C it extracts no trigrams from CJK text at all. So the index holds the distinct
-- character bigrams (two adjacent characters, lower-cased, none containing white space) of title and body: a
-- term of two or more characters can only occur in a row whose bigrams contain all of the term's bigrams, which
-- the GIN index answers; ILIKE '%term%' on the candidates then checks that they occur contiguously. A
-- one-character term has no bigram and is answered by ILIKE alone (correct, without this index).
-- Needs no extension and behaves the same under every locale.
-- regexp_split_to_table + lead() is linear in the length; substr(doc, i, 2) would be quadratic on UTF-8 text.
create function xxgk_bigrams(doc text) returns text[]
    language sql immutable strict parallel safe as
$$
select coalesce(array_agg(distinct g), '{}')
from (select c || lead(c) over (order by n) as g
      from regexp_split_to_table(lower(doc), '') with ordinality as t(c, n)) x
where char_length(g) = 2 and g !~ '[[:space:]]'
$$;

-- The query must repeat this expression exactly (EntrySearchService.DOCUMENT_BIGRAMS). fastupdate = off: entries
-- go into the index as they are written, not into a pending list that every search would have to scan (and that
-- makes the planner shun the index) until the next vacuum; writes are few, public reads are many.
create index catalogue_public_search on catalogue_entry
    using gin (xxgk_bigrams(title || ' ' || coalesce(body, ''))) with (fastupdate = off) where status = 'PUBLISHED';
