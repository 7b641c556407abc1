-- A row the broker refuses for good (too large, invalid) is parked with the reason instead of blocking the rows
-- queued after it; operators see it in /q/health/ready (check "outbox") and the metric xxgk_outbox_parked.
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;

-- the relay only ever looks at rows that are neither sent nor parked
drop index if exists outbox_unsent;
create index outbox_pending on outbox (id) where sent_at is null and parked_at is null;
create index outbox_parked on outbox (id) where parked_at is not null;
-- the retention purge deletes sent rows oldest first, in bounded batches
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;
