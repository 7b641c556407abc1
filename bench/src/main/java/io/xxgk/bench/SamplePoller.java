package io.xxgk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the latency phase's sampled items on GET /api/v1/schools/{code}/items/{id}, each every pollNanos until it
 * answers 200, from a few threads, and records each one's latency from its scheduled send time to that answer.
 * Only the oldest {@link #POLL_WINDOW} pending samples are polled.
 */
final class SamplePoller implements AutoCloseable {

    /** How many of the oldest pending latency samples are polled. */
    static final int POLL_WINDOW = 8;

    /** A sampled item whose visibility is being polled. */
    private static final class Probe {
        final int index;
        final String id;
        final long scheduled;
        volatile long nextPoll;
        final AtomicBoolean claimed = new AtomicBoolean();

        Probe(int index, String id, long scheduled, long nextPoll) {
            this.index = index;
            this.id = id;
            this.scheduled = scheduled;
            this.nextPoll = nextPoll;
        }
    }

    private final Api api;
    private final String school;
    private final long pollNanos;
    private final LatencyRecorder e2eMs;
    private final ConcurrentSkipListMap<Integer, Probe> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicInteger resolved = new AtomicInteger();
    private final AtomicInteger sampled = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    SamplePoller(Api api, String school, long pollNanos, LatencyRecorder e2eMs) {
        this.api = api;
        this.school = school;
        this.pollNanos = pollNanos;
        this.e2eMs = e2eMs;
    }

    void start(int threadCount) {
        for (int p = 0; p < threadCount; p++) {
            Thread th = new Thread(this::pollUntilStopped, "bench-poller-" + p);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
    }

    /** A sample of item {@code index}, accepted at {@code now}, whose send was scheduled at {@code scheduled}. */
    void add(int index, String id, long scheduled, long now) {
        sampled.incrementAndGet();
        pending.put(index, new Probe(index, id, scheduled, now + pollNanos));
    }

    int sampled() {
        return sampled.get();
    }

    long polls() {
        return polls.get();
    }

    /** Waits until every sample has become visible, or none has for {@code stallSeconds}. */
    void awaitResolved(int stallSeconds) {
        long lastChange = System.nanoTime();
        int lastResolved = -1;
        while (resolved.get() < sampled.get()) {
            if (resolved.get() != lastResolved) {
                lastResolved = resolved.get();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallSeconds * 1_000_000_000L) {
                break;
            }
            KafkaWatch.sleep(50);
        }
    }

    private void pollUntilStopped() {
        while (!stopped) {
            Probe probe = claimDue();
            if (probe == null) {
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            int status;
            try {
                status = api.send(api.publishedItem(school, probe.id)).status();
            } catch (RuntimeException e) {
                status = -1;
            }
            long now = System.nanoTime();
            polls.incrementAndGet();
            if (status == 200) {
                e2eMs.record((now - probe.scheduled) / 1_000_000);
                pending.remove(probe.index);
                resolved.incrementAndGet();
            } else {
                probe.nextPoll = now + pollNanos;
                probe.claimed.set(false);
            }
        }
    }

    /** The oldest sample in the window that is due for a poll and not being polled by another thread, or null. */
    private Probe claimDue() {
        long now = System.nanoTime();
        int seen = 0;
        for (Probe candidate : pending.values()) {
            if (++seen > POLL_WINDOW) {
                break;
            }
            if (candidate.nextPoll <= now && candidate.claimed.compareAndSet(false, true)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public void close() {
        stopped = true;
        for (Thread th : threads) {
            try {
                th.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
