package io.xxgk.classify.service;

import io.xxgk.contract.event.ItemClassified;

/**
 * Sends an operator's committed decision to the broker (implemented in the event layer, so that the service does not
 * depend on the messaging code that calls it).
 */
public interface ReviewDecisionSender {

    /** Returns once the broker has acknowledged {@code event}; throws if it did not in time. */
    void send(String event, ItemClassified decided);
}
