-- Review decisions committed but not yet acknowledged by the broker. A decision is sent only after its commit; until
-- the broker acknowledges it the row stays here and a retry re-sends it (consumers are idempotent by item and revision).
create table unsent_review (
    school_code varchar(32)  not null,
    item_id     varchar(128) not null,
    revision    integer      not null,
    event       text         not null,
    decided_at  timestamptz  not null,
    primary key (school_code, item_id, revision)
);
create index unsent_review_decided_at on unsent_review (decided_at);
