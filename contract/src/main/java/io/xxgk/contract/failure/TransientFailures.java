package io.xxgk.contract.failure;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one answer, in every service, to "will this work if we simply try again later?". True for an unavailable
 * database, broker or object store, a lock or statement timeout, a serialization failure or deadlock, an exhausted
 * connection pool. Such a failure is waited out and retried; it never sends a message to the dead-letter topic
 * and never reaches a client as a 5xx other than 503. Everything else is a property of the input.
 *
 * <p>Decided by walking the cause chain, on JDBC SQLSTATE classes and on class names, so this jar needs no
 * Hibernate, Kafka or MinIO dependency.
 */
public final class TransientFailures implements Predicate<Throwable> {

    /** SQLSTATE classes and codes that say "not now" rather than "not this": connection, resources, operator. */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "53", "57", "58", "HY");
    private static final Set<String> TRANSIENT_SQLSTATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "55006"  // object_in_use
    );
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "io.smallrye.mutiny.TimeoutException",
            "java.util.concurrent.TimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException",
            "org.apache.kafka.common.errors.NotLeaderOrFollowerException",
            "io.minio.errors.ServerException",
            "okhttp3.internal.http2.StreamResetException");

    private static final TransientFailures INSTANCE = new TransientFailures();
    private static final int MAX_DEPTH = 32;

    /** Public so that SmallRye Fault Tolerance can instantiate it for {@code @RetryWhen(exception = ...)}. */
    public TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return INSTANCE.test(failure);
    }

    @Override
    public boolean test(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (transientItself(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != t && transientItself(s)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException || t instanceof SocketException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5
                    && (TRANSIENT_SQLSTATES.contains(state) || TRANSIENT_SQLSTATE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            // Agroal's pool: "Acquisition timeout while waiting for new connection" carries no SQLSTATE
            String message = sql.getMessage();
            if (state == null && message != null && message.contains("Acquisition timeout")) {
                return true;
            }
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_CLASS_NAMES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
