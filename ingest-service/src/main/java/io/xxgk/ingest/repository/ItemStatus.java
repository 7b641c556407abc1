package io.xxgk.ingest.repository;

/**
 * Where an item is in the pipeline. HELD waits for a person under sign-off mode AUTO; under OFFICE and TWO_LEVEL it
 * is AWAITING_OFFICE (待审核) and then AWAITING_LEADER (待审定); RETURNED (退回) carries the reviewer's note.
 */
public enum ItemStatus {
    ACCEPTED, CLASSIFIED, HELD, PUBLISHED, WITHHELD, WITHDRAWN, REJECTED, AWAITING_OFFICE, AWAITING_LEADER, RETURNED
}
