-- The console's accounts (form login, bcrypt through quarkus-security-jpa) and the audit log of sign-ins.
CREATE TABLE account (
    id               BIGSERIAL PRIMARY KEY,
    username         VARCHAR(64)  NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,           -- bcrypt (Modular Crypt Format, $2a$…)
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('editor', 'reviewer', 'leader', 'operator', 'admin')),
    display_name     VARCHAR(100) NOT NULL,
    school_code      VARCHAR(32)  NOT NULL,
    department       VARCHAR(100),
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts  INTEGER      NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT account_editor_has_department CHECK (role <> 'editor' OR (department IS NOT NULL AND department <> ''))
);
CREATE UNIQUE INDEX account_username ON account (lower(username));

CREATE TABLE sign_in_event (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    username        VARCHAR(64)  NOT NULL,            -- as typed (also for unknown names), cut to 64 characters
    account_id      BIGINT       REFERENCES account (id) ON DELETE SET NULL,
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'LOCKED', 'DISABLED', 'SIGN_OUT')),
    client_address  VARCHAR(64)
);
CREATE INDEX sign_in_event_at ON sign_in_event (at DESC);
