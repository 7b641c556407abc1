create table classification (
    school_code    varchar(32)  not null,
    item_id        varchar(128) not null,
    revision       integer      not null,
    checklist_item integer,
    category       integer,
    confidence     double precision not null,
    decision       varchar(16)  not null,
    explanation    text,
    event          text         not null,
    created_at     timestamptz  not null,
    primary key (school_code, item_id, revision)
);
create index classification_decision on classification (decision) where decision = 'HOLD';
