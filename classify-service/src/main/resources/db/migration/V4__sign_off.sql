-- Sign-off (一事一审), per school: AUTO (today's behaviour), OFFICE (every item waits for the office reviewer),
-- TWO_LEVEL (office reviewer, then leader). No row: the configured default (xxgk.sign-off.default-mode).
create table sign_off_mode (
    school_code varchar(32)  primary key,
    mode        varchar(16)  not null,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null
);

-- Each revision keeps the mode it was classified under, and the stage it waits for (null: not waiting).
-- While it waits, the original title and body are kept for the reviewers (the events carry only the masked copy),
-- with the personal-data findings as JSON offsets; the originals are cleared once the sign-off is finished.
alter table classification add column sign_off_mode varchar(16);
alter table classification add column sign_off_stage varchar(16);
alter table classification add column original_title text;
alter table classification add column original_body text;
alter table classification add column findings text;
update classification set sign_off_mode = 'AUTO', sign_off_stage = case when decision = 'HOLD' then 'OFFICE' end;
create index classification_sign_off_queue on classification (sign_off_stage, confidence desc)
    where decision = 'HOLD' and sign_off_stage is not null;

-- Every sign-off decision: who, in which role, when, what, why.
create table sign_off_step (
    id              bigserial    primary key,
    school_code     varchar(32)  not null,
    item_id         varchar(128) not null,
    revision        integer      not null,
    stage           varchar(16)  not null,
    action          varchar(16)  not null,
    actor           varchar(100) not null,
    actor_role      varchar(16)  not null,
    decided_at      timestamptz  not null,
    note            varchar(1000),
    item_before     integer,
    item_after      integer,
    withhold_reason varchar(32)
);
create index sign_off_step_item on sign_off_step (school_code, item_id, revision, id);
