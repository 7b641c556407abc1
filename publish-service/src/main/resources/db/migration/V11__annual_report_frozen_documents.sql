-- Issue 11 item 7: the figures of a report can be frozen, so two downloads of an approved report are identical.
-- Freezing already snapshots the statistics (V6); it now also keeps the titles the 重点领域 narrative quotes. On
-- approval, the rendered documents (HTML and Word, from the school's templates at that moment) are stored and every
-- later download of the approved or submitted report returns exactly these bytes, whatever changes afterwards
-- (items, templates, the address of the service). Unfreezing drops them with the approval.
alter table annual_report
    add column frozen_titles text,
    add column approved_html bytea,
    add column approved_docx bytea;
