package io.xxgk.contract.failure;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The one retry policy of the pipeline: run an action until it succeeds, waiting out {@link TransientFailures}
 * (an outage of any length) with capped exponential backoff; any other failure is thrown at once, because trying
 * again cannot help. Used by every consumer and by the outbox relay, on their own threads, so a database or broker
 * outage stops the work where it is (the Kafka source stops polling once nothing is requested) and resumes it
 * when the dependency is back, with no restart and nothing dead-lettered.
 */
public final class WaitOut {

    private static final System.Logger LOG = System.getLogger(WaitOut.class.getName());
    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private WaitOut() {
    }

    /**
     * @throws WaitInterruptedException when the thread is interrupted while waiting (shutdown): the work was not
     *                                  done, and the caller must not acknowledge it
     */
    public static <T> T transientFailures(String what, Callable<T> action) {
        long delay = FIRST_DELAY.toMillis();
        long started = System.nanoTime();
        long lastLog = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = action.call();
                if (attempt > 1) {
                    LOG.log(System.Logger.Level.INFO, "{0}: succeeded again after {1} attempts and {2} s", what, attempt,
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                }
                return result;
            } catch (Exception e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                long now = System.nanoTime();
                if (attempt == 1 || now - lastLog > LOG_EVERY_NANOS) {
                    lastLog = now;
                    LOG.log(System.Logger.Level.WARNING, "{0}: temporarily impossible (attempt {1}, {2} s so far), "
                            + "waiting it out: {3}", what, attempt, Duration.ofNanos(now - started).toSeconds(), rootMessage(e));
                }
                sleep(delay);
                delay = Math.min(MAX_DELAY.toMillis(), delay * 2);
            }
        }
    }

    public static void transientFailures(String what, Runnable action) {
        transientFailures(what, () -> {
            action.run();
            return null;
        });
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        int depth = 0;
        while (t.getCause() != null && t.getCause() != t && depth++ < 32) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException(e);
        }
    }

    /** The wait was cut short by a shutdown; the work was not done. */
    public static final class WaitInterruptedException extends RuntimeException {
        WaitInterruptedException(InterruptedException cause) {
            super("interrupted while waiting for a dependency to come back", cause);
        }
    }
}
