package io.xxgk.classify.service;

/** A sign-off decision that cannot be taken; the REST layer answers it as problem+json. */
public class SignOffRefused extends RuntimeException {

    public enum Reason {
        /** No such revision waiting for or having had a sign-off. */
        NOT_FOUND,
        /** The revision waits for another stage than the actor's role may decide (a reviewer at the leader's step). */
        WRONG_STAGE,
        /** The sign-off is finished, or the revision moved on from the stage the request named. */
        ALREADY_DECIDED,
        /** A field of the request is missing or wrong ({@link #field()}). */
        INVALID
    }

    private final Reason reason;
    private final String field;
    private final String messageZh;

    public SignOffRefused(Reason reason, String field, String message, String messageZh) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.messageZh = messageZh;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }
}
