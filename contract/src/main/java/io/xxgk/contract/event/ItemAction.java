package io.xxgk.contract.event;

/** What a submitted event does to an item: first version, a correction (更正) or a withdrawal (撤回). */
public enum ItemAction {
    SUBMIT, REVISE, WITHDRAW
}
