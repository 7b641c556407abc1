package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Before anything is timed: the classifier still puts the load on checklist item 18, one item makes it through the
 * whole pipeline, and every path (single, batch, import, reads) is warmed up on a school of its own.
 */
final class Preflight {

    private static final double NANOS = 1e9;

    private final BenchConfig cfg;
    private final Api api;
    private final KafkaWatch kafka;
    private final BenchSchools schools;
    private final String runTag;
    private final IngestLoad load;
    private final ImportJob imports;
    private final Visibility visibility;
    private final Path logs;

    Preflight(BenchConfig cfg, Api api, KafkaWatch kafka, BenchSchools schools, String runTag, IngestLoad load, ImportJob imports,
              Visibility visibility, Path logs) {
        this.cfg = cfg;
        this.api = api;
        this.kafka = kafka;
        this.schools = schools;
        this.runTag = runTag;
        this.load = load;
        this.imports = imports;
        this.visibility = visibility;
        this.logs = logs;
    }

    /** The load must land on checklist item 18 with a confident rule, or nothing would be published. */
    void checkClassification() {
        for (int n = 0; n < Items.SUBJECTS.size(); n++) {
            String title = Items.title(n);
            JsonNode c = api.classify(title, Items.BODY, Items.DEPARTMENT, Items.KIND);
            if (c.path("checklistItem").asInt() != Items.CHECKLIST_ITEM || c.path("confidence").asDouble() < 0.8) {
                throw new IllegalStateException("the classifier no longer puts '" + title + "' confidently in item "
                        + Items.CHECKLIST_ITEM + ": " + c);
            }
            if (n == 0) {
                System.out.printf(Locale.ROOT, "classifier dry run: '%s' → item %d, confidence %.2f (%s)%n", title,
                        c.path("checklistItem").asInt(), c.path("confidence").asDouble(), c.path("explanation").asText());
            }
        }
    }

    /** One item through the whole pipeline before anything is timed: it must become visible and counted. */
    void probe() {
        String school = BenchSchools.WARMUP;
        Items items = schools.items(school, "bench-probe-" + runTag);
        Api.Reply r = api.send(api.postItem(schools.key(school), items.json(0).toString()));
        if (r.status() != 202) {
            throw new IllegalStateException("probe item not accepted: " + r.status() + " " + Api.abbreviate(r.body()));
        }
        long t0 = System.nanoTime();
        while (true) {
            Api.Reply g = api.send(api.publishedItem(school, items.id(0)));
            if (g.status() == 200) {
                break;
            }
            if (System.nanoTime() - t0 > 90 * 1_000_000_000L) {
                throw new IllegalStateException("probe item " + items.id(0) + " not visible after 90 s (held? see classify-service log in "
                        + logs + ")");
            }
            KafkaWatch.sleep(50);
        }
        long count = api.catalogueCount(school, Items.CHECKLIST_ITEM);
        if (count != 1) {
            throw new IllegalStateException("probe: catalogue item " + Items.CHECKLIST_ITEM + " of " + school + " counts " + count + ", expected 1");
        }
        System.out.printf(Locale.ROOT, "probe item visible in the catalogue after %.0f ms (cold)%n", (System.nanoTime() - t0) / 1e6);
    }

    /** JIT warm-up of every path (single, batch, import, reads) on a school of its own; not measured. */
    void warmUp() {
        if (cfg.warmup() == 0) {
            return;
        }
        String school = BenchSchools.WARMUP;
        String key = schools.key(school);
        long t0 = System.nanoTime();
        int singles = cfg.warmup() / 5;
        int batch = cfg.warmup() * 2 / 5;
        int rows = cfg.warmup() - singles - batch;
        Items a = schools.items(school, "bench-warm-s-" + runTag);
        Items b = schools.items(school, "bench-warm-b-" + runTag);
        Items c = schools.items(school, "bench-warm-i-" + runTag);
        Tally tally = new Tally();
        load.singles(a, key, singles, cfg.singleConcurrency(), tally);
        load.batches(b, key, batch, Math.min(cfg.batchSize(), Math.max(1, batch / 4)), cfg.batchConcurrency(), tally);
        int imported = rows > 0 ? imports.run(c, key, rows).accepted() : 0;
        long expected = 1 + tally.accepted.get() + imported;
        Visibility.Seen seen = visibility.awaitVisible(school, expected);
        for (int i = 0; i < 20; i++) {
            api.send(api.publishedItem(school, a.id(i)));
        }
        if (seen.count() < expected) {
            throw new IllegalStateException("warm-up: only " + seen.count() + " of " + expected + " items became visible");
        }
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "warm-up: %,d items (single, batch, import) visible in %.1f s; consumer lag after: %s%n",
                expected - 1, (System.nanoTime() - t0) / NANOS, lag);
    }
}
