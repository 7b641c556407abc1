-- 栏目链接 (issue 11 item 3): per school and checklist item, the URL of the column (栏目) on the school's own website
-- where that item is published, as 教办厅函〔2018〕80号 asks the 50-row table to carry. Set by the disclosure office
-- through the console; shown in the catalogue, the statistics' 50 rows and the console's coverage.
create table column_link (
    school_code    varchar(32)  not null,
    checklist_item integer      not null check (checklist_item between 1 and 50),
    url            text         not null,
    updated_by     varchar(200) not null,
    updated_role   varchar(16)  not null,
    updated_at     timestamptz  not null,
    primary key (school_code, checklist_item)
);

-- Timeliness as the rules mean it (issue 11 item 9). Beside the dates the department declared (produced_date,
-- published_date) the catalogue records when the system itself made the entry public (after its sign-off):
--   made_public_at            the current revision became PUBLISHED (the moment its sign-off allowed it)
--   revised_on                for a revision after the first (更正): the day it was made, the start of its own
--                             20 working days
--   original_produced_date,   the dates of the first publication of the item, kept when later revisions replace
--   original_published_date,  the row, so that a correction does not make the original publication look late
--   original_made_public_at
-- Rows written before this version keep their declared dates as the originals; when the system made them public is
-- not known (null: reported as unknown, never as on time).
alter table catalogue_entry
    add column made_public_at          timestamptz,
    add column revised_on              date,
    add column original_produced_date  date,
    add column original_published_date date,
    add column original_made_public_at timestamptz;
update catalogue_entry set original_produced_date = produced_date, original_published_date = published_date
    where status = 'PUBLISHED';
