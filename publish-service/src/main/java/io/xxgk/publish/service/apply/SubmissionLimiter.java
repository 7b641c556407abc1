package io.xxgk.publish.service.apply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * At most {@code max} form submissions per client address in a sliding window, in this replica's memory (behind a
 * load balancer each replica counts its own: n replicas allow up to n × max). Bounded: addresses whose window has
 * passed are forgotten when the table grows.
 */
@ApplicationScoped
public class SubmissionLimiter {

    static final int FORGET_ABOVE = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    @Inject
    public SubmissionLimiter(ApplyConfig config) {
        this(config.rateLimit().max(), config.rateLimit().window(), Clock.systemUTC());
    }

    SubmissionLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one submission; empty when it is allowed, otherwise the seconds until the next one is. */
    public synchronized OptionalLong acquire(String address) {
        Instant now = clock.instant();
        if (recent.size() > FORGET_ABOVE) {
            recent.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(window)));
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
        if (times.size() >= max) {
            long wait = Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1;
            return OptionalLong.of(Math.max(1, wait));
        }
        times.addLast(now);
        return OptionalLong.empty();
    }

    /** Forgets every address (an operator's reset; the tests start each case from nothing). */
    public synchronized void clear() {
        recent.clear();
    }
}
