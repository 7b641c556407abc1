-- The date an entry counts under everywhere (the catalogue, the order, filters and cursors of browse, the annual
-- statistics, the province view) is coalesce(published_date, produced_date). It is stored once, as a generated
-- column: PostgreSQL computes it on every insert and update (also of rows written by plain SQL), and adding it
-- fills it for every existing row. The queries read item_date, and the indexes that were on the expression are
-- rebuilt on the column, with the same names, shapes and predicates.
alter table catalogue_entry
    add column item_date date generated always as (coalesce(published_date, produced_date)) stored;

-- V3: browse and search, newest first then item_id, with the common filters in front
drop index catalogue_public_by_date;
create index catalogue_public_by_date on catalogue_entry
    (school_code, item_date desc, item_id) where status = 'PUBLISHED';
drop index catalogue_public_by_kind;
create index catalogue_public_by_kind on catalogue_entry
    (school_code, kind, item_date desc, item_id) where status = 'PUBLISHED';
drop index catalogue_public_by_department;
create index catalogue_public_by_department on catalogue_entry
    (school_code, department, item_date desc, item_id) where status = 'PUBLISHED';
drop index catalogue_public_by_category;
create index catalogue_public_by_category on catalogue_entry
    (school_code, category, item_date desc, item_id) where status = 'PUBLISHED';

-- V2: the statistics' GROUP BY queries (index-only) and the newest entry per checklist item
drop index catalogue_stats_by_date;
create index catalogue_stats_by_date on catalogue_entry (school_code, status, item_date)
    include (kind, category, checklist_item, department, produced_date, published_date, channels);
drop index catalogue_latest_by_item;
create index catalogue_latest_by_item on catalogue_entry (school_code, checklist_item, item_date desc, item_id)
    where status = 'PUBLISHED' and checklist_item is not null;
