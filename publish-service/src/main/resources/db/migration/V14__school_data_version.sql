-- One number per school that every write changing what its catalogue or statistics show increments, in the same
-- transaction as the write (io.xxgk.publish.repository.SchoolDataVersions): classified entries, register entries,
-- not-applicable marks, column links, year-end figures, and a recount of the statistics counts (every school).
-- A read looks the number up first and uses a view cached at that number only, so a write committed through any
-- replica is seen by every replica's next read. The number only grows: rows are never deleted, and a school without a
-- row (nothing written since this migration) reads as 0.
create table school_data_version (
    school_code varchar(32) primary key,
    version     bigint      not null
);
