-- The project number (项目编号 / 招标编号) of a procurement notice or its result (PROCUREMENT_NOTICE, TENDER_RESULT),
-- read from the title, else the body, by io.xxgk.contract.procurement.ProjectNumbers when the entry is written: it
-- links a notice and its result into one project, so the statistics count projects as well as notices. Null for
-- every other kind and when the notice names no number.
alter table catalogue_entry add column project_number varchar(64);

-- Entries stored before V12: the same reading in SQL (ASCII forms only, and a number needs a digit; an entry the SQL
-- misses is read again by the Java reading when its next revision arrives).
update catalogue_entry
set project_number = upper(coalesce(substring(title from '(?:招标项目编号|采购项目编号|政府采购编号|项目编号|招标编号|采购编号)\s*(?:[:：]|为|是)?\s*[（(]?\s*([A-Za-z0-9][A-Za-z0-9._/-]{2,62}[A-Za-z0-9])(?![A-Za-z0-9._/-])'),
                                    substring(body from '(?:招标项目编号|采购项目编号|政府采购编号|项目编号|招标编号|采购编号)\s*(?:[:：]|为|是)?\s*[（(]?\s*([A-Za-z0-9][A-Za-z0-9._/-]{2,62}[A-Za-z0-9])(?![A-Za-z0-9._/-])')))
where kind in ('PROCUREMENT_NOTICE', 'TENDER_RESULT')
  and coalesce(substring(title from '(?:招标项目编号|采购项目编号|政府采购编号|项目编号|招标编号|采购编号)\s*(?:[:：]|为|是)?\s*[（(]?\s*([A-Za-z0-9][A-Za-z0-9._/-]{2,62}[A-Za-z0-9])(?![A-Za-z0-9._/-])'),
               substring(body from '(?:招标项目编号|采购项目编号|政府采购编号|项目编号|招标编号|采购编号)\s*(?:[:：]|为|是)?\s*[（(]?\s*([A-Za-z0-9][A-Za-z0-9._/-]{2,62}[A-Za-z0-9])(?![A-Za-z0-9._/-])')) ~ '[0-9]';

-- The statistics' procurement query: the period's published notices and results, and per project the kinds it has.
create index catalogue_procurement_projects on catalogue_entry (school_code, project_number, kind)
    include (item_date) where status = 'PUBLISHED' and project_number is not null;
