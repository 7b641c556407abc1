-- 本校不涉及: a school marks a checklist item as not concerning it (for example, it has no school-run enterprise),
-- with the reason. Such an item is shown as 不涉及 and leaves the denominator of every coverage figure. One row per
-- school and item, the current mark; every mark and unmark is kept in not_applicable_log (who, role, when, why).
create table not_applicable_mark (
    school_code    varchar(32)  not null,
    checklist_item integer      not null check (checklist_item between 1 and 50),
    reason         varchar(500) not null,
    marked_by      varchar(200) not null,
    marked_role    varchar(16)  not null,
    marked_at      timestamptz  not null,
    primary key (school_code, checklist_item)
);

create table not_applicable_log (
    id             bigserial    primary key,
    school_code    varchar(32)  not null,
    checklist_item integer      not null,
    action         varchar(8)   not null check (action in ('MARK', 'UNMARK')),
    reason         varchar(500),
    actor          varchar(200) not null,
    actor_role     varchar(16)  not null,
    at             timestamptz  not null
);
create index not_applicable_log_by_item on not_applicable_log (school_code, checklist_item, at);

-- coverage: the held entries of a school waiting for a decision, oldest first
create index catalogue_held_by_school on catalogue_entry (school_code, updated_at) where status = 'HELD';
