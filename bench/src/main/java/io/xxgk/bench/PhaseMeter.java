package io.xxgk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures one phase: waits until the consumers are idle, runs the load, waits until every accepted item is visible,
 * and records how far each stage got and when (Kafka end offsets), CPU per process and PostgreSQL's counters.
 */
final class PhaseMeter {

    private static final double NANOS = 1e9;

    /** The load of a phase: sends its items, counts the answers in the tally, returns a note for the report. */
    interface Load {
        String run(Tally tally);
    }

    private final Api api;
    private final KafkaWatch kafka;
    private final Pg pg;
    private final ProcessAccounting accounting;
    private final Visibility visibility;

    PhaseMeter(Api api, KafkaWatch kafka, Pg pg, ProcessAccounting accounting, Visibility visibility) {
        this.api = api;
        this.kafka = kafka;
        this.pg = pg;
        this.accounting = accounting;
        this.visibility = visibility;
    }

    Phase measure(String key, String zh, String en, String school, int items, Load load) {
        System.out.printf(Locale.ROOT, "%n[%s] %s / %s: %,d items to %s ...%n", key, zh, en, items, school);
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        if (lag.values().stream().anyMatch(l -> l != 0)) {
            System.out.println("  note: consumers not idle before the phase: " + lag);
        }
        long before = api.catalogueCount(school, Items.CHECKLIST_ITEM);
        Tally tally = new Tally();
        Map<String, Double> pg0 = pg.counters();
        Map<String, Double> cpu0 = accounting.cpuSeconds();
        String note;
        long t0;
        Visibility.Seen seen;
        Instant from = Instant.now();
        KafkaWatch.StageMonitor monitor = kafka.monitor(tally.accepted::get, 100);
        Pg.ActivitySampler activity = pg.sampler(100);
        try {
            t0 = System.nanoTime();
            note = load.run(tally);
            System.out.printf(Locale.ROOT, "  ingest answered all in %.1f s (%,d accepted); waiting until visible in the catalogue ...%n",
                    (tally.lastReply.get() - t0) / NANOS, tally.accepted.get());
            seen = visibility.awaitVisible(school, before + tally.accepted.get(), monitor, tally.accepted.get(), tally.tail());
        } finally {
            monitor.close();
            activity.close();
        }
        Instant to = Instant.now();
        Map<String, String> pgActivity = new LinkedHashMap<>();
        Pg.DATABASES.forEach(db -> {
            pgActivity.put(db, activity.describe(db));
            pgActivity.put(db + ".statements", activity.statements(db));
        });
        Map<String, Double> cpu = ProcStats.delta(cpu0, accounting.cpuSeconds());
        double wall = (System.nanoTime() - t0) / NANOS;
        int accepted = tally.accepted.get();
        long relayed = monitor.relayedAt(accepted);
        long classified = monitor.classifiedAt(accepted);
        Phase p = new Phase(key, zh, en, school, items, accepted, tally.rejected.get(), tally.failed.get(), tally.retries.get(),
                secs(t0, tally.lastReply.get()), secs(t0, relayed), secs(t0, classified), secs(t0, seen.nanos()),
                seen.count() - before, before, monitor.maxOutboxBacklog(), monitor.maxClassifyBacklog(), cpu, wall,
                new HashSet<>(tally.ids), note, from, to, pg0, pgActivity);
        if (!tally.errors.isEmpty()) {
            System.out.println("  errors (first " + tally.errors.size() + "): " + tally.errors);
        }
        System.out.printf(Locale.ROOT, "  %,d visible after %.1f s → %,.0f items/s end to end (ingest %,.0f/s; relayed %.1f s, classified %.1f s)%n",
                p.visible(), p.visibleAt(), p.throughput(), p.ingestRate(), p.relayed(), p.classified());
        return p;
    }

    private static double secs(long t0, long t) {
        return t <= 0 ? -1 : (t - t0) / NANOS;
    }
}
