package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/** A bulk import through ingest-service: uploads the register file, then follows the import job until it is DONE. */
final class ImportJob {

    private static final double NANOS = 1e9;

    private final Api api;
    private final int stallSeconds;

    ImportJob(Api api, int stallSeconds) {
        this.api = api;
        this.stallSeconds = stallSeconds;
    }

    /** {@code ids}: the ids of the rows the job accepted; {@code doneNanos}: when the job was seen DONE. */
    record Outcome(int accepted, int rejected, Set<String> ids, long doneNanos, double uploadSeconds, String status) {
    }

    Outcome run(Items items, String key, int rows) {
        return run(items, key, items.csv(rows), rows, n -> { });
    }

    /** {@code progress} gets the accepted count at each look at the job. */
    Outcome run(Items items, String key, byte[] csv, int rows, IntConsumer progress) {
        long t0 = System.nanoTime();
        String job = api.startImport(key, "登记表-" + items.school() + ".csv", csv);
        double upload = (System.nanoTime() - t0) / NANOS;
        long lastChange = System.nanoTime();
        int lastProcessed = -1;
        while (true) {
            JsonNode s = api.importStatus(key, job);
            String status = s.path("status").asText();
            int processed = s.path("processed").asInt();
            progress.accept(s.path("accepted").asInt());
            if ("DONE".equals(status)) {
                long done = System.nanoTime();
                int accepted = s.path("accepted").asInt();
                int rejected = s.path("rejected").asInt();
                Set<String> ids = acceptedIds(items, key, job, rows, rejected);
                return new Outcome(accepted, rejected, ids, done, upload, job + " " + status + " " + processed + " rows");
            }
            if ("FAILED".equals(status)) {
                throw new IllegalStateException("import " + job + " failed: " + s.path("error").asText());
            }
            if (processed != lastProcessed) {
                lastProcessed = processed;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallSeconds * 1_000_000_000L) {
                throw new IllegalStateException("import " + job + " made no progress for " + stallSeconds + " s (" + s + ")");
            }
            KafkaWatch.sleep(250);
        }
    }

    /** Every row's id, less those of the rejected rows. */
    private Set<String> acceptedIds(Items items, String key, String job, int rows, int rejected) {
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < rows; n++) {
            ids.add(items.id(n));
        }
        if (rejected > 0) {
            for (int off = 0; off < rejected; off += 5000) {
                for (JsonNode row : api.importRows(key, job, off, 5000, true).path("rows")) {
                    ids.remove(row.path("id").asText());
                }
            }
            System.out.println("  import rejected " + rejected + " rows, e.g. " + api.importRows(key, job, 0, 1, true).path("rows"));
        }
        return ids;
    }
}
