-- How many times an import has been started; an import that keeps dying (e.g. the process is killed while
-- reading a hostile file) is failed after a few attempts instead of being resumed on every start.
alter table import_job add column attempts integer not null default 0;
