-- Why an item waits for a person, and what the person decided.
alter table classification add column hold_reasons varchar(200);
alter table classification add column hint integer;
alter table classification add column reviewed_by varchar(100);
alter table classification add column reviewed_at timestamptz;

-- Operators' corrections: the audit trail, and training data for the next model.
create table correction (
    id             bigserial primary key,
    school_code    varchar(32)  not null,
    item_id        varchar(128) not null,
    revision       integer      not null,
    title          varchar(500) not null,
    action         varchar(16)  not null,
    before_item    integer,
    after_item     integer,
    note           varchar(1000),
    corrected_by   varchar(100) not null,
    corrected_at   timestamptz  not null
);
