-- Applications for disclosure (依申请公开) made by the public on a school's site through publish-service's form.
-- The register entry itself is a disclosure_request row (record_id = tracking_number) with its outbox event; this
-- table keeps what only the office may see: the applicant's contact data and the description of what was asked.
-- Nothing of it ever goes into an event.
create table public_application (
    school_code      varchar(32)  not null,
    tracking_number  varchar(64)  not null,
    submission_key   varchar(64)  not null,
    content_hash     char(64)     not null,
    applicant_type   varchar(64)  not null,
    name             text         not null,
    id_number        text,
    phone            text         not null,
    email            text,
    address          text,
    description      text         not null,
    medium           varchar(32)  not null,
    delivery         varchar(32)  not null,
    received_date    date         not null,
    created_at       timestamptz  not null,
    primary key (school_code, tracking_number),
    -- the form's one-time key: a double click or a retry finds the first application
    constraint public_application_submission_key unique (submission_key)
);

create index public_application_newest on public_application (school_code, created_at desc);
