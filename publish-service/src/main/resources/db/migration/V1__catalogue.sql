-- Current public state of each item (one row per school and item id); only status PUBLISHED is ever shown.
create table catalogue_entry (
    school_code    varchar(32)  not null,
    item_id        varchar(128) not null,
    revision       integer      not null,
    status         varchar(16)  not null,
    checklist_item integer,
    category       integer,
    confidence     double precision not null,
    department     varchar(100) not null,
    title          varchar(500) not null,
    body           text,
    kind           varchar(32)  not null,
    produced_date  date         not null,
    published_date date,
    channels       varchar(200) not null,
    source_url     varchar(1000),
    withhold_reason varchar(32),
    attachments    text,
    updated_at     timestamptz  not null,
    primary key (school_code, item_id)
);
create index catalogue_public_by_item on catalogue_entry (school_code, checklist_item, published_date desc)
    where status = 'PUBLISHED';

-- Every classified revision received, in arrival order: the history behind revisions and withdrawals.
create table catalogue_history (
    school_code  varchar(32)  not null,
    item_id      varchar(128) not null,
    revision     integer      not null,
    decision     varchar(16)  not null,
    event        text         not null,
    received_at  timestamptz  not null,
    primary key (school_code, item_id, revision)
);
