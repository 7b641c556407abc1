package io.xxgk.publish.service;

/**
 * An event that can never be stored, whatever the retries: a key too long for its column, a missing required value,
 * a date or amount outside what the database holds. The writer throws it before writing anything, and it does not
 * mark the surrounding transaction for rollback, so the consumer can set exactly this record aside (dead-letter
 * topic, with {@link #reason()}) and commit the rest of its batch.
 */
public class UnstorableEventException extends RuntimeException {

    private final String field;
    private final String reason;

    public UnstorableEventException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** The event field at fault, e.g. {@code department}. */
    public String field() {
        return field;
    }

    /** Why it cannot be stored, e.g. "department is 10000 characters; at most 300 can be stored". */
    public String reason() {
        return reason;
    }
}
