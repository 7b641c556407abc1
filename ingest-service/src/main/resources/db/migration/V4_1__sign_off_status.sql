-- Sign-off (一事一审) as the department sees it: the status AWAITING_OFFICE 待审核, AWAITING_LEADER 待审定,
-- RETURNED 退回 (with the reviewer's note), WITHHELD 不予公开 (with the legal reason); the note or reason is kept here.
alter table item add column status_note varchar(1000);
