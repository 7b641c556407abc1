-- Replays of dead letters: who asked, when, which dead letter (partition and offset on the dead-letter topic), where
-- it went and what happened. A row is written before the send (PENDING) and completed after the broker answered.
CREATE TABLE dead_letter_replay (
    id                  BIGSERIAL PRIMARY KEY,
    dlq_topic           VARCHAR(255)  NOT NULL,
    dlq_partition       INTEGER       NOT NULL,
    dlq_offset          BIGINT        NOT NULL,
    original_topic      VARCHAR(255)  NOT NULL,
    original_partition  INTEGER,
    original_offset     BIGINT,
    message_key         VARCHAR(255),
    reason              VARCHAR(500),
    replayed_by         VARCHAR(64)   NOT NULL,
    replayed_by_name    VARCHAR(100)  NOT NULL,
    requested_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    result              VARCHAR(16)   NOT NULL CHECK (result IN ('PENDING', 'SENT', 'FAILED')),
    target_partition    INTEGER,
    target_offset       BIGINT,
    error               VARCHAR(1000),
    finished_at         TIMESTAMPTZ
);
CREATE INDEX dead_letter_replay_letter ON dead_letter_replay (dlq_topic, dlq_partition, dlq_offset);
CREATE INDEX dead_letter_replay_at ON dead_letter_replay (requested_at DESC);
