-- Maintained counts behind the annual statistics, the catalogue's count per checklist item and the province view
-- (issue 13 item 3): a read sums a few hundred rows of its school and months instead of grouping a school's
-- year of entries. Each row counts the entries of one school whose item_date falls in one month (the first day of
-- that month) and that share the other key columns. Periods (school year, calendar year) are whole months.
--
-- The counts change in the same transaction as the entries (io.xxgk.publish.repository.statistics.StatisticsCounts,
-- from CatalogueWriter: the old state of an entry is subtracted, the new one added), and are rebuilt from
-- catalogue_entry at startup whenever statistics_count_state does not match the running code and working-day
-- calendar (the first start after this migration included). n is never negative; rows may stay at 0.

-- PUBLISHED, WITHHELD and INTERNAL entries counted along one column at a time (not their cross product, which would
-- be nearly as many rows as entries): dimension TOTAL (value null) for every counted status; for PUBLISHED also KIND,
-- CATEGORY, CHECKLIST_ITEM (value null: outside the checklist), DEPARTMENT and ON_CHANNEL (entries naming at least
-- one channel; value null); for WITHHELD also REASON (null: none given). The value is text of any length (a reason),
-- so the key holds its md5.
create table statistics_entry_count (
    school_code varchar(32) not null,
    month       date        not null,
    status      varchar(16) not null,
    dimension   varchar(16) not null,
    value       text,
    value_hash  text generated always as (md5(value)) stored,
    n           bigint      not null,
    constraint statistics_entry_count_key unique nulls not distinct (school_code, month, status, dimension, value_hash)
);

-- PUBLISHED entries per channel they name (each distinct channel once) and kind.
create table statistics_channel_count (
    school_code varchar(32)  not null,
    month       date         not null,
    channel     varchar(200) not null,
    kind        varchar(32)  not null,
    n           bigint       not null,
    primary key (school_code, month, channel, kind)
);

-- PUBLISHED entries by working days to publication, per measure of timeliness:
--   DECLARED_LISTED / DECLARED_UNLISTED: declared dates of the first publication, of checklist items / of the rest;
--                                        working_days null = no published date (unknown)
--   SYSTEM:   produced to the day the system made the first publication public; null = not recorded (unknown)
--   REVISION: entries whose current revision is a correction, from the day it was made to the day it was made
--             public; -1 = one of the two not recorded (unknown)
-- The working days follow the calendar of statistics_count_state.basis; a changed calendar rebuilds the counts.
create table statistics_delay_count (
    school_code  varchar(32) not null,
    month        date        not null,
    measure      varchar(20) not null,
    working_days integer,
    n            bigint      not null,
    constraint statistics_delay_count_key unique nulls not distinct (school_code, month, measure, working_days)
);

-- What the counts were computed with (version of the counting rules and the working-day calendar); one row.
create table statistics_count_state (
    id         integer     primary key check (id = 1),
    basis      text        not null,
    rebuilt_at timestamptz not null
);
