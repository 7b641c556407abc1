-- The sign-off steps (一事一审) each classified revision carried (ItemClassified v2): who decided, in which role, when,
-- what and why; shown on the item's history. One row per step, numbered from 1 in the order taken, so a redelivered
-- or replayed event writes nothing twice.
create table catalogue_sign_off_step (
    school_code     varchar(32)  not null,
    item_id         varchar(128) not null,
    revision        integer      not null,
    step            integer      not null,
    sign_off_mode   varchar(16)  not null,
    stage           varchar(16)  not null,
    action          varchar(16)  not null,
    actor           varchar(100) not null,
    actor_role      varchar(16)  not null,
    decided_at      timestamptz  not null,
    note            text,
    checklist_item  integer,
    withhold_reason varchar(32),
    primary key (school_code, item_id, revision, step)
);
