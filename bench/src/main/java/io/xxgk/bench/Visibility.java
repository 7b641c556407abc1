package io.xxgk.bench;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Waits until a phase's accepted items are visible in the public catalogue, and tells when they became so. */
final class Visibility {

    private final BenchConfig cfg;
    private final Api api;

    Visibility(BenchConfig cfg, Api api) {
        this.cfg = cfg;
        this.api = api;
    }

    /** When the catalogue count reached the expected count ({@code nanos} -1: it stalled short of it), and the count. */
    record Seen(long nanos, long count) {
    }

    /** Polls the catalogue's entryCount of checklist item 18 until it reaches {@code expected}. */
    Seen awaitVisible(String school, long expected) {
        return pollCatalogue(school, expected, 250);
    }

    /**
     * Waits until the catalogue's entryCount of checklist item 18 reaches {@code expected}, cheaply: the catalogue
     * query is a window over all of the school's entries (100,000 rows in the bulk phase), and polling it every 100 ms
     * loaded PostgreSQL enough to slow publish-service down. So: (1) wait until the classified topic holds the
     * phase's events (Kafka end offsets, free); (2) poll the detail endpoint (a primary-key read) for the last
     * {@link Tally#TAIL} accepted items until all answer 200 (one school's events travel in order through one partition);
     * (3) confirm with the catalogue, polling it every 250 ms if the count is still short. Gives up after
     * stallSeconds without progress.
     */
    Seen awaitVisible(String school, long expected, KafkaWatch.StageMonitor monitor, long phaseItems, List<String> tail) {
        long stall = cfg.stallSeconds() * 1_000_000_000L;
        long lastProgress = System.nanoTime();
        long lastClassified = -1;
        while (monitor.classifiedAt(phaseItems) < 0) {
            long c = monitor.latestClassified();
            if (c != lastClassified) {
                lastClassified = c;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall) {
                System.out.printf(Locale.ROOT, "  ! classify-service emitted %,d of %,d events, then nothing for %d s%n", c, phaseItems,
                        cfg.stallSeconds());
                break;
            }
            KafkaWatch.sleep(100);
        }
        Set<String> pending = new HashSet<>(tail);
        lastProgress = System.nanoTime();
        while (!pending.isEmpty() && System.nanoTime() - lastProgress < stall) {
            for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
                if (api.send(api.publishedItem(school, it.next())).status() == 200) {
                    it.remove();
                    lastProgress = System.nanoTime();
                }
            }
            if (!pending.isEmpty()) {
                KafkaWatch.sleep(50);
            }
        }
        return pollCatalogue(school, expected, 250);
    }

    private Seen pollCatalogue(String school, long expected, long periodMs) {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long count = api.catalogueCount(school, Items.CHECKLIST_ITEM);
            long now = System.nanoTime();
            if (count >= expected) {
                return new Seen(now, count);
            }
            if (count != last) {
                last = count;
                lastChange = now;
            } else if (now - lastChange > cfg.stallSeconds() * 1_000_000_000L) {
                System.out.printf(Locale.ROOT, "  ! catalogue of %s stuck at %,d of %,d for %d s%n", school, count, expected, cfg.stallSeconds());
                return new Seen(-1, count);
            }
            KafkaWatch.sleep(periodMs);
        }
    }
}
