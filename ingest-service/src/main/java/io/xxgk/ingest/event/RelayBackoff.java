package io.xxgk.ingest.event;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox relay's pause after a failed round: doubles from {@code initial} up to {@code max}
 * ({@code xxgk.outbox.max-backoff}), with jitter. Not {@link io.xxgk.contract.failure.WaitOut}: the relay's loop is a
 * supervisor, not a retried call. Between attempts it re-checks its lease and reconciles with the topic, and it keeps
 * going after failures that are not known to be transient (a misconfiguration or an authorisation error must never
 * park good rows), where WaitOut would give up at once.
 */
final class RelayBackoff {

    private final long initialMs;
    private final long maxMs;
    private long currentMs;

    RelayBackoff(Duration initial, Duration max) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
    }

    /** The pause before the next attempt; each call after a failure doubles it, up to the maximum. */
    long nextDelayMillis() {
        currentMs = currentMs == 0 ? initialMs : Math.min(maxMs, currentMs * 2);
        // half fixed, half random: replicas that failed together do not retry together
        long half = currentMs / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    void reset() {
        currentMs = 0;
    }
}
