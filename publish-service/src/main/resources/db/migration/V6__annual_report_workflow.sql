-- The annual report as a workflow (issue 10 item 5), one per school and report year: the office fills the prose and
-- the year-end figures (DRAFT), freezes it (FROZEN: the computed statistics are snapshotted, later items no longer
-- change it), the leader approves it (APPROVED), the office records its submission to the provincial education
-- department (SUBMITTED). A reviewer may unfreeze a frozen or approved report (back to DRAFT, approval dropped).
create table annual_report (
    school_code          text        not null,
    report_year          integer     not null,
    state                text        not null default 'DRAFT'
        check (state in ('DRAFT', 'FROZEN', 'APPROVED', 'SUBMITTED')),
    -- {"prose": {"overview": "...", ...}, "figures": {"wechatFollowers": 23500, ...}} (keys: ReportField)
    content              text        not null default '{}',
    -- the StatisticsView as it was when frozen (JSON); null while DRAFT
    frozen_statistics    text,
    frozen_at            timestamptz,
    frozen_by            text,
    frozen_role          text,
    approved_at          timestamptz,
    approved_by          text,
    submitted_on         date,
    submission_method    text,
    submission_reference text,
    submission_note      text,
    submitted_by         text,
    submitted_role       text,
    submitted_at         timestamptz,
    updated_at           timestamptz not null default now(),
    primary key (school_code, report_year),
    check (state = 'DRAFT' or (frozen_statistics is not null and frozen_at is not null)),
    check (state not in ('APPROVED', 'SUBMITTED') or approved_at is not null),
    check (state <> 'SUBMITTED' or submitted_on is not null)
);

-- every change, who (the person the console acts for), in which role, when; listed on the report's page
create table annual_report_event (
    id          bigint generated always as identity primary key,
    school_code text        not null,
    report_year integer     not null,
    action      text        not null,
    actor       text        not null,
    actor_role  text        not null,
    at          timestamptz not null,
    detail      text,
    foreign key (school_code, report_year) references annual_report (school_code, report_year)
);
create index annual_report_event_by_report on annual_report_event (school_code, report_year, id);
