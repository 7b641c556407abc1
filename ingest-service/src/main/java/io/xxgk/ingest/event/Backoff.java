package io.xxgk.ingest.event;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential pause between attempts while something is unavailable: doubles from {@code initial} up to {@code max}, with jitter. */
final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private long currentMs;

    Backoff(Duration initial, Duration max) {
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
