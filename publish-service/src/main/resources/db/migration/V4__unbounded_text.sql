-- No valid classified event may fail on a column size (issue 16, finding 4). Personal-data masking can make a title
-- longer than the 500 characters ingest accepts, and links can be long: title, source_url and withhold_reason become
-- text (varchar -> text is binary-compatible: no table rewrite). No btree index holds them, so no length can exceed
-- the index row limit; the GIN search index holds bigrams only.
-- department is a key of catalogue_public_by_department and included in catalogue_stats_by_date, so it stays bounded,
-- at 300 characters (at most 1,200 bytes, well under the ~2,700-byte btree row limit); a longer one is rejected by
-- CatalogueWriter as unstorable and dead-lettered with the reason.
alter table catalogue_entry
    alter column title type text,
    alter column source_url type text,
    alter column withhold_reason type text,
    alter column department type varchar(300);
