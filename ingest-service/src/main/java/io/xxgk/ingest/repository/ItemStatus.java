package io.xxgk.ingest.repository;

/** Where an item is in the pipeline. */
public enum ItemStatus {
    ACCEPTED, CLASSIFIED, HELD, PUBLISHED, WITHHELD, WITHDRAWN, REJECTED
}
