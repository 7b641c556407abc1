-- Annual statistics (信息公开工作年度报告): indexes for the GROUP BY queries, the working-day rule, and the
-- disclosure-on-request register fed by the topic disclosure.requests.v1.

-- Every statistics query reads one school, one status and a date range on coalesce(published_date,
-- produced_date); the included columns are the ones grouped on, so the breakdowns can be index-only scans.
create index catalogue_stats_by_date on catalogue_entry (school_code, status, (coalesce(published_date, produced_date)))
    include (kind, category, checklist_item, department, produced_date, published_date, channels);

-- The newest published entry of each checklist item up to a date (the link per item of the report's table 8):
-- one index probe per item. (No included title/URL columns: a long title must never make an insert fail on
-- the index row size limit.)
create index catalogue_latest_by_item on catalogue_entry (school_code, checklist_item, (coalesce(published_date, produced_date)) desc, item_id)
    where status = 'PUBLISHED' and checklist_item is not null;

-- Weekdays (Monday-Friday) in [1900-01-01, d). 1900-01-01 was a Monday.
create function xxgk_weekdays_before(d date) returns integer
    language sql immutable parallel safe as
$$
select (5 * ((greatest(d, date '1900-01-01') - date '1900-01-01') / 7)
        + least((greatest(d, date '1900-01-01') - date '1900-01-01') % 7, 5))::integer
$$;

-- Working days after d1 up to and including d2 (the day the information is produced or the application is
-- received does not count): Monday-Friday, less the statutory holidays that fall on a weekday, plus the make-up
-- working days (调休上班日) that fall on a weekend. 0 when d2 <= d1. Same rule as
-- io.xxgk.publish.statistics.WorkingDays, which passes the arrays: holidays = the holidays on a weekday, workdays =
-- the make-up days on a Saturday or Sunday, each sorted ascending (width_bucket counts the elements <= a date by
-- binary search; the prepended 0001-01-01 makes an empty array work). Pure arithmetic, so PostgreSQL inlines it.
create function xxgk_working_days(d1 date, d2 date, holidays date[], workdays date[]) returns integer
    language sql immutable parallel safe as
$$
select case
           when d1 is null or d2 is null or d2 <= d1 then 0
           else xxgk_weekdays_before(d2 + 1) - xxgk_weekdays_before(d1 + 1)
               - (width_bucket(d2, array_prepend(date '0001-01-01', holidays))
                  - width_bucket(d1, array_prepend(date '0001-01-01', holidays)))
               + (width_bucket(d2, array_prepend(date '0001-01-01', workdays))
                  - width_bucket(d1, array_prepend(date '0001-01-01', workdays)))
       end
$$;

-- Disclosure-on-request register (依申请公开), complaints, administrative reviews and lawsuits: the newest revision
-- of each record of each school. Never shown on public endpoints, only counted.
create table disclosure_request (
    school_code    varchar(32)  not null,
    record_id      varchar(128) not null,
    revision       integer      not null,
    record_type    varchar(32)  not null,
    received_date  date         not null,
    applicant_type varchar(40),
    subject        text,
    answer_type    varchar(32),
    answered_date  date,
    fee_yuan       numeric(12, 2),
    outcome        varchar(16),
    submitted_at   timestamptz,
    updated_at     timestamptz  not null,
    primary key (school_code, record_id)
);
create index disclosure_request_stats on disclosure_request (school_code, record_type, received_date)
    include (answer_type, answered_date, fee_yuan, outcome, applicant_type);

-- Every revision received: what makes the consumer idempotent by (school, record, revision).
create table disclosure_request_history (
    school_code  varchar(32)  not null,
    record_id    varchar(128) not null,
    revision     integer      not null,
    event        text         not null,
    received_at  timestamptz  not null,
    primary key (school_code, record_id, revision)
);
