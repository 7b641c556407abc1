package io.xxgk.bench;

import java.util.Locale;

/** The three throughput phases, each to a school of its own: single POSTs, batches, and a bulk register import. */
final class LoadPhases {

    private final BenchConfig cfg;
    private final BenchSchools schools;
    private final String runTag;
    private final PhaseMeter meter;
    private final IngestLoad load;
    private final ImportJob imports;

    LoadPhases(BenchConfig cfg, BenchSchools schools, String runTag, PhaseMeter meter, IngestLoad load, ImportJob imports) {
        this.cfg = cfg;
        this.schools = schools;
        this.runTag = runTag;
        this.meter = meter;
        this.load = load;
        this.imports = imports;
    }

    Phase single(String key, String zh, String en, String school, int n) {
        Items items = schools.items(school, "bench-single-" + runTag);
        return meter.measure(key, zh, en + " (" + cfg.singleConcurrency() + " concurrent)", school, n, tally -> {
            load.singles(items, schools.key(school), n, cfg.singleConcurrency(), tally);
            return cfg.singleConcurrency() + " concurrent clients, closed loop";
        });
    }

    Phase batches(String key, String zh, String en, String school, int n) {
        Items items = schools.items(school, "bench-batch-" + runTag);
        return meter.measure(key, zh, en, school, n, tally -> {
            load.batches(items, schools.key(school), n, cfg.batchSize(), cfg.batchConcurrency(), tally);
            return cfg.batchConcurrency() + " concurrent batch requests of " + cfg.batchSize();
        });
    }

    Phase bulkImport(String key, String zh, String en, String school, int n) {
        Items items = schools.items(school, "bench-bulk-" + runTag);
        byte[] csv = items.csv(n);
        System.out.printf(Locale.ROOT, "  register file: %,d rows, %.1f MiB CSV with Chinese headers%n", n, csv.length / 1048576.0);
        return meter.measure(key, zh, en + " (" + n + " rows)", school, n, tally -> {
            ImportJob.Outcome o = imports.run(items, schools.key(school), csv, n, tally.accepted::set);
            tally.accepted.set(o.accepted());
            tally.rejected.set(o.rejected());
            tally.ids.addAll(o.ids());
            for (int r = Math.max(0, n - Tally.TAIL); r < n; r++) {
                if (o.ids().contains(items.id(r))) {
                    tally.addToTail(items.id(r));
                }
            }
            tally.lastReply.set(o.doneNanos());
            return String.format(Locale.ROOT, "upload answered in %.1f s; import job %s", o.uploadSeconds(), o.status());
        });
    }
}
