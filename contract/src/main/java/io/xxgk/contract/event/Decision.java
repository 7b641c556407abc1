package io.xxgk.contract.event;

/** What classify-service decided for one revision of an item. */
public enum Decision {
    /** Goes to the public catalogue. */
    PUBLISH,
    /** Waits in the review queue for a person (low confidence, hint disagreement, personal data). */
    HOLD,
    /** The department marked it 不予公开; kept for the statistics, never shown. */
    WITHHOLD,
    /** Withdrawn (撤回) by the department; leaves public view, stays in history. */
    WITHDRAW
}
