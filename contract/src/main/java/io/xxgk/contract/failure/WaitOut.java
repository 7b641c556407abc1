package io.xxgk.contract.failure;

import io.smallrye.faulttolerance.api.Guard;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * The one retry policy of the pipeline: run an action until it succeeds, waiting out {@link TransientFailures}
 * (an outage of any length) with capped exponential backoff; any other failure is thrown at once, because trying
 * again cannot help. Used by every consumer on its own thread (the outbox relay has a Guard of the same kind that
 * retries every failure, see {@code OutboxRelay}), so a database or broker
 * outage stops the work where it is (the Kafka source stops polling once nothing is requested) and resumes it
 * when the dependency is back, with no restart and nothing dead-lettered. The retrying itself is SmallRye Fault
 * Tolerance's: one {@link Guard}, no attempt or time limit, retrying only what {@link TransientFailures} calls
 * transient.
 */
public final class WaitOut {

    private static final System.Logger LOG = System.getLogger(WaitOut.class.getName());
    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    /** What the current thread is waiting out, for the log lines between attempts. */
    private static final ThreadLocal<Attempts> CURRENT = new ThreadLocal<>();

    private WaitOut() {
    }

    /** Built on first use: SmallRye Fault Tolerance must be running (the Quarkus extension, or standalone in tests). */
    private static final class Policy {
        static final Guard GUARD = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(FIRST_DELAY.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(TransientFailures::isTransient)
                .beforeRetry(WaitOut::beforeRetry)
                .withExponentialBackoff().factor(2).maxDelay(MAX_DELAY.toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /**
     * @throws WaitInterruptedException when the thread is interrupted while waiting (shutdown): the work was not
     *                                  done, and the caller must not acknowledge it
     */
    @SuppressWarnings("unchecked")
    public static <T> T transientFailures(String what, Callable<T> action) {
        Attempts previous = CURRENT.get();
        Attempts attempts = new Attempts(what);
        CURRENT.set(attempts);
        try {
            T result = (T) Policy.GUARD.call((Callable<Object>) action, Object.class);
            if (attempts.count > 1) {
                LOG.log(System.Logger.Level.INFO, "{0}: succeeded again after {1} attempts and {2} s", what, attempts.count,
                        Duration.ofNanos(System.nanoTime() - attempts.started).toSeconds());
            }
            return result;
        } catch (Exception e) {
            if (interrupted(e)) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException(e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void transientFailures(String what, Runnable action) {
        transientFailures(what, () -> {
            action.run();
            return null;
        });
    }

    private static void beforeRetry(Throwable failure) {
        Attempts a = CURRENT.get();
        if (a == null) {
            return;
        }
        a.count++;
        long now = System.nanoTime();
        if (a.count == 2 || now - a.lastLog > LOG_EVERY_NANOS) {
            a.lastLog = now;
            LOG.log(System.Logger.Level.WARNING, "{0}: temporarily impossible (attempt {1}, {2} s so far), waiting it out: {3}",
                    a.what, a.count - 1, Duration.ofNanos(now - a.started).toSeconds(), rootMessage(failure));
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static final class Attempts {
        final String what;
        final long started = System.nanoTime();
        int count = 1;
        long lastLog;

        Attempts(String what) {
            this.what = what;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        int depth = 0;
        while (t.getCause() != null && t.getCause() != t && depth++ < 32) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The wait was cut short by a shutdown; the work was not done. */
    public static final class WaitInterruptedException extends RuntimeException {
        WaitInterruptedException(Throwable cause) {
            super("interrupted while waiting for a dependency to come back", cause);
        }
    }
}
