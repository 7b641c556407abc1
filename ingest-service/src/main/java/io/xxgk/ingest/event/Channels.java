package io.xxgk.ingest.event;

/** The messaging channels of ingest, as named in application.properties ({@code mp.messaging.*.<channel>.*}). */
public final class Channels {

    /** Outgoing: the outbox relay sends accepted items (and request records) to Kafka. */
    public static final String ITEMS_SUBMITTED = "items-submitted";
    /** Incoming: classify's decisions, to answer where an item is. */
    public static final String ITEMS_CLASSIFIED_STATUS = "items-classified-status";
    /** Outgoing: decisions that can never be applied, with the reason. */
    public static final String DEAD_LETTER = "ingest-dead-letter";

    private Channels() {
    }
}
