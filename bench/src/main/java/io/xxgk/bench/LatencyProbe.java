package io.xxgk.bench;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The fixed-rate phase: end-to-end latency, POST → visible, at a fixed offered load (open model). */
final class LatencyProbe {

    private static final double NANOS = 1e9;

    private final BenchConfig cfg;
    private final Api api;
    private final BenchSchools schools;
    private final String runTag;
    private final PhaseMeter meter;

    LatencyProbe(BenchConfig cfg, Api api, BenchSchools schools, String runTag, PhaseMeter meter) {
        this.cfg = cfg;
        this.api = api;
        this.schools = schools;
        this.runTag = runTag;
        this.meter = meter;
    }

    /**
     * Open model: item i is sent at t0 + i/rate whatever the answers (async client, at most latencyMaxInFlight
     * outstanding). Every latencySampleEvery-th accepted item is polled on GET /api/v1/schools/{code}/items/{id} every
     * latencyPollMillis until it answers 200; its latency runs from its scheduled send time to that answer.
     * One school's events travel in order (one partition, key = school code), so only the oldest
     * {@link SamplePoller#POLL_WINDOW} pending samples are polled: the poll load stays bounded however large the latency grows.
     */
    LatencyResult run(String school) {
        int rate = Math.max(1, cfg.latencyRate());
        int total = rate * cfg.latencySeconds();
        int every = Math.max(1, cfg.latencySampleEvery());
        Items items = schools.items(school, "bench-lat-" + runTag);
        String key = schools.key(school);
        LatencyRecorder e2e = new LatencyRecorder();
        LatencyRecorder ack = new LatencyRecorder();
        AtomicLong late = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        long[] sendWindow = new long[2];
        long pollNanos = cfg.latencyPollMillis() * 1_000_000L;
        SamplePoller poller = new SamplePoller(api, school, pollNanos, e2e);
        String label = String.format(Locale.ROOT, "single POSTs at %,d/s for %d s", rate, cfg.latencySeconds());

        Phase phase = meter.measure(Phase.LATENCY, "固定负载延迟", label, school, total, tally -> {
            Semaphore inFlight = new Semaphore(cfg.latencyMaxInFlight());
            poller.start(cfg.latencyPollThreads());
            long t0 = System.nanoTime() + 20_000_000L;
            sendWindow[0] = t0;
            for (int i = 0; i < total; i++) {
                long target = t0 + (long) (i * (NANOS / rate));
                for (long now = System.nanoTime(); now < target; now = System.nanoTime()) {
                    LockSupport.parkNanos(target - now);
                }
                if (!inFlight.tryAcquire()) {
                    IngestLoad.acquire(inFlight, 1);
                }
                long lag = System.nanoTime() - target;
                maxLag.accumulateAndGet(lag, Math::max);
                if (lag > 10_000_000L) {
                    late.incrementAndGet();
                }
                int index = i;
                String id = items.id(i);
                api.sendAsync(api.postItem(key, items.json(i).toString())).whenComplete((r, e) -> {
                    long now = System.nanoTime();
                    inFlight.release();
                    tally.replied();
                    ack.record((now - target) / 1_000_000);
                    if (e != null) {
                        tally.failed.incrementAndGet();
                        tally.error(id + ": " + e);
                    } else if (r.status() == 202) {
                        tally.accept(id);
                        if (index % every == 0) {
                            poller.add(index, id, target, now);
                        }
                    } else {
                        tally.rejected.incrementAndGet();
                        tally.error(id + ": " + r.status() + " " + Api.abbreviate(r.body()));
                    }
                });
            }
            sendWindow[1] = System.nanoTime();
            IngestLoad.drain(inFlight, cfg.latencyMaxInFlight());
            // the samples first (precise times), then the count below
            poller.awaitResolved(cfg.stallSeconds());
            poller.close();
            return "open model";
        });
        double sendSeconds = (sendWindow[1] - sendWindow[0]) / NANOS;
        LatencyResult l = new LatencyResult(phase, total, rate, total / Math.max(sendSeconds, 1e-9), late.get(), maxLag.get() / 1e6, e2e,
                poller.sampled(), poller.polls(), phase.wall(), ack);
        System.out.printf(Locale.ROOT, "  offered %,d/s → sent at %,.0f/s (%s; %,d sends >10 ms late, max %.0f ms); sampled latency p50 %d ms, p99 %d ms, max %d ms over %,d samples (%,d polls)%n",
                rate, l.achievedRate(), l.sustained() ? "sustained" : "NOT sustained", l.lateSends(), l.maxLagMs(), l.pct(0.5), l.pct(0.99),
                e2e.max(), e2e.count(), l.polls());
        return l;
    }
}
