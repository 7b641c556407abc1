package io.xxgk.contract;

/** Kafka topic and channel names shared by the services and their tests. */
public final class Topics {
    /** Items accepted by ingest-service; key = school code, value = {@link io.xxgk.contract.event.ItemSubmitted}. */
    public static final String ITEMS_SUBMITTED = "disclosure.items.submitted.v1";
    /** Items after classification and screening; key = school code, value = {@link io.xxgk.contract.event.ItemClassified}. */
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
}
