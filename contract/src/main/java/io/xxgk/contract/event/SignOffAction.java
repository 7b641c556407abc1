package io.xxgk.contract.event;

/** What a person decided at one sign-off step. */
public enum SignOffAction {
    /** Accepts the classifier's suggestion (checklist item) as it stands. */
    APPROVE,
    /** Accepts the item under another checklist item, or under none. */
    CORRECT,
    /** 退回: sent back to the department with a note; not public, the department may submit a revision. */
    RETURN,
    /** 不予公开, with a legal reason ({@link WithholdReason}). */
    WITHHOLD;

    /** APPROVE and CORRECT let the item go on (to the next stage, or to publication). */
    public boolean accepts() {
        return this == APPROVE || this == CORRECT;
    }
}
