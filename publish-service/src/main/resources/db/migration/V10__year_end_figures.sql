-- Year-end figures that are not catalogue items (issue 11 item 6): per school and statistics period, what the
-- disclosure office records at the end of the year — followers and reads of the WeChat and video accounts, the top
-- article, issues of briefings and of the campus paper, meetings held by kind, media coverage, 阳光服务平台 cases and
-- satisfaction, survey results, and the four dimensions of the self-inspection (自查). Key/value with a fixed set of
-- keys (io.xxgk.publish.service.yearend.YearEndFigure, which says each key's kind); exactly one typed value per row.
-- The statistics of the period show them.
create table year_end_figure (
    school_code   varchar(32)  not null,
    period_kind   varchar(16)  not null check (period_kind in ('SCHOOL_YEAR', 'CALENDAR_YEAR')),
    period_year   integer      not null check (period_year between 2000 and 2100),
    figure_key    varchar(64)  not null,
    count_value   bigint       check (count_value >= 0),
    percent_value numeric(4, 1) check (percent_value between 0 and 100),
    text_value    text,
    -- "10余次": the count is a lower bound, as the seed reports often say
    approximate   boolean      not null default false,
    updated_by    varchar(200) not null,
    updated_role  varchar(16)  not null,
    updated_at    timestamptz  not null,
    primary key (school_code, period_kind, period_year, figure_key),
    check (num_nonnulls(count_value, percent_value, text_value) = 1),
    check (not approximate or count_value is not null)
);
