create table api_key (
    id          uuid primary key,
    key_hash    char(64)     not null unique,
    key_prefix  varchar(16)  not null,
    school_code varchar(32),
    department  varchar(100),
    role        varchar(16)  not null,
    label       varchar(200),
    created_at  timestamptz  not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);

create table item (
    school_code  varchar(32)  not null,
    item_id      varchar(128) not null,
    revision     integer      not null,
    status       varchar(16)  not null,
    department   varchar(100) not null,
    title        varchar(500) not null,
    content_hash char(64)     not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    primary key (school_code, item_id)
);

create table item_revision (
    id          bigserial primary key,
    school_code varchar(32)  not null,
    item_id     varchar(128) not null,
    revision    integer      not null,
    action      varchar(16)  not null,
    event       jsonb        not null,
    created_at  timestamptz  not null,
    unique (school_code, item_id, revision)
);

create table outbox (
    id          bigserial primary key,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    payload     text         not null,
    headers     jsonb        not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);
-- the relay only ever looks at unsent rows
create index outbox_unsent on outbox (id) where sent_at is null;
