alter table item_revision add column content_hash char(64);

-- One row per upload; the bytes live once per SHA-256 in the object store (object_key = sha256/<hash>).
create table attachment (
    id           uuid primary key,
    school_code  varchar(32)   not null,
    department   varchar(100)  not null,
    file_name    varchar(300)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       char(64)      not null,
    object_key   varchar(200)  not null,
    created_at   timestamptz   not null
);
create index attachment_by_hash on attachment (sha256);

-- A bulk import of a register file; per-row results are kept for the caller to poll.
create table import_job (
    id            uuid primary key,
    school_code   varchar(32)  not null,
    department    varchar(100) not null,
    file_name     varchar(300) not null,
    format        varchar(8)   not null,
    object_key    varchar(200) not null,
    status        varchar(16)  not null,
    total_rows    integer      not null default 0,
    processed     integer      not null default 0,
    accepted      integer      not null default 0,
    rejected      integer      not null default 0,
    error         text,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- 依申请公开 register, complaints, reviews and lawsuits.
create table disclosure_request (
    school_code   varchar(32)  not null,
    record_id     varchar(128) not null,
    revision      integer      not null,
    type          varchar(32)  not null,
    content_hash  char(64)     not null,
    event         text         not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    primary key (school_code, record_id)
);

create table import_row_result (
    job_id   uuid         not null references import_job (id),
    row_no   integer      not null,
    item_id  varchar(128),
    status   integer      not null,
    problem  text,
    primary key (job_id, row_no)
);
