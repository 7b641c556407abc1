package io.xxgk.contract;

/** Kafka topic and channel names shared by the services and their tests. */
public final class Topics {
    /** Items accepted by ingest-service; key = {@link #itemKey}, value = {@link io.xxgk.contract.event.ItemSubmitted}. */
    public static final String ITEMS_SUBMITTED = "disclosure.items.submitted.v1";
    /** Items after classification and screening; key = {@link #itemKey}, value = {@link io.xxgk.contract.event.ItemClassified}. */
    public static final String ITEMS_CLASSIFIED = "disclosure.items.classified.v1";
    /** Disclosure-on-request applications, complaints, reviews and lawsuits. */
    public static final String REQUESTS = "disclosure.requests.v1";
    /** Messages a consumer could not process; the reason travels in the dead-letter headers. */
    public static final String DEAD_LETTER = "disclosure.items.dlq";

    /** CloudEvents header names (Kafka protocol binding, binary mode). */
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SPECVERSION = "ce_specversion";

    private Topics() {
    }

    /**
     * The record key of an item's events: {@code school/itemId} (an item id is unique within its school and contains
     * no '/'). The order that matters is one item's (its revisions, its withdrawal), and Kafka keeps it per key; one
     * school's items spread over every partition, so a school's bulk import is processed in parallel downstream.
     */
    public static String itemKey(String schoolCode, String itemId) {
        return schoolCode + "/" + itemId;
    }
}
