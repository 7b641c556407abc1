package io.xxgk.publish.event;

/**
 * The names of publish-service's messaging channels, as {@code @Incoming}, {@code @Channel} and
 * {@code mp.messaging.*.<channel>.*} in application.properties (and the tests) spell them. Topics are in
 * {@link io.xxgk.contract.Topics}.
 */
public final class Channels {

    /** Classified items, from {@link io.xxgk.contract.Topics#ITEMS_CLASSIFIED}. */
    public static final String ITEMS_CLASSIFIED = "items-classified";
    /** The disclosure-on-request register, from {@link io.xxgk.contract.Topics#REQUESTS}. */
    public static final String REQUESTS = "requests";
    /** Events that can never be stored, with the reason, to the dead-letter topic. */
    public static final String DEAD_LETTER = "publish-dead-letter";

    private Channels() {
    }
}
