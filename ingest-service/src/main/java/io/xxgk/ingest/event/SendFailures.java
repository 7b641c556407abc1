package io.xxgk.ingest.event;

import io.xxgk.contract.failure.TransientFailures;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** How the relay reads a failed send: refused for good (park the row) or anything else (retry it). */
final class SendFailures {

    private SendFailures() {
    }

    /**
     * A failure that belongs to the record itself, so that sending it again can never work. Anything else that is
     * not known to be transient (a misconfiguration, an authorisation error) is retried, never parked: it would
     * otherwise park every good row.
     */
    static boolean refusedForGood(Throwable failure) {
        if (TransientFailures.isTransient(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException
                    || t instanceof InvalidTopicException) {
                return true;
            }
        }
        return false;
    }

    /** The root cause as one line of at most 2,000 characters: the park reason an operator reads. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
