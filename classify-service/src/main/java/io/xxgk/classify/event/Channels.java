package io.xxgk.classify.event;

/** The messaging channels of classify, as named in application.properties ({@code mp.messaging.*.<channel>.*}). */
public final class Channels {

    /** Incoming: ingest's submitted items, a poll at a time. */
    public static final String ITEMS_SUBMITTED = "items-submitted";
    /** Outgoing: the decision on each submitted item. */
    public static final String ITEMS_CLASSIFIED = "items-classified";
    /** Outgoing: operators' decisions on held items, to the same topic as {@link #ITEMS_CLASSIFIED}. */
    public static final String ITEMS_REVIEWED = "items-reviewed";
    /** Outgoing: submissions that can never be processed, with the reason. */
    public static final String DEAD_LETTER = "classify-dead-letter";

    private Channels() {
    }
}
