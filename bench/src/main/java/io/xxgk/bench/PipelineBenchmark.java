package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.Pipeline.Service;
import io.xxgk.stack.Ports;
import io.xxgk.stack.ServerProcess;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code bench/run.sh}: starts the same embedded servers and services as {@code ./run.sh} (free ports, fresh data
 * folder), drives load through the public REST API from this separate process, and prints end-to-end throughput for
 * single POSTs, batches and a bulk register import, end-to-end latency at a fixed offered load, Kafka's own producer
 * benchmark on the same broker as the baseline, resident memory, CPU per process, and items lost or duplicated.
 * Ends with one {@code RESULT ...} line. Every process it started is stopped on exit, also on Ctrl-C or failure.
 */
public final class PipelineBenchmark {

    private static final double NANOS = 1e9;
    /** How many of the last accepted items are watched to tell that a phase is complete. */
    private static final int TAIL = 20;
    /** How many of the oldest pending latency samples are polled. */
    private static final int POLL_WINDOW = 8;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One school per phase, so that the catalogue counts of the phases never mix. */
    private static final String WARMUP_SCHOOL = "xykj";
    private static final String SINGLE_SCHOOL = "hnxx";
    private static final String BATCH_SCHOOL = "zjjhk";
    private static final String BULK_SCHOOL = "zzsz";
    private static final String LATENCY_SCHOOL = "jclg";

    private final BenchConfig cfg;
    private final String runTag = LocalDateTime.now().format(STAMP);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SchoolDirectory schools = SchoolDirectory.load();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<ProcStats.Watched> watched = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean stopped;
    private Path dataDir;
    private LocalStack stack;
    private Pipeline pipeline;
    private Api api;
    private KafkaWatch kafka;
    private Pg pg;
    private String pgSettings = "?";

    private PipelineBenchmark(BenchConfig cfg) {
        this.cfg = cfg;
    }

    public static void main(String[] args) {
        BenchConfig cfg;
        try {
            cfg = BenchConfig.load(args);
        } catch (IllegalArgumentException e) {
            System.err.println("参数错误 / bad setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        PipelineBenchmark bench = new PipelineBenchmark(cfg);
        int code;
        try {
            code = bench.run();
        } catch (Throwable e) {
            System.err.println();
            System.err.println("基准测试失败 / benchmark failed: " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.err.println("  caused by: " + c);
            }
            System.err.println("logs: " + (bench.dataDir == null ? "-" : bench.dataDir.resolve("logs"))
                    + (cfg.keepData() ? " (kept)" : " (deleted on exit; BENCH_KEEP_DATA=true keeps them)"));
            code = 1;
        }
        System.exit(code); // the shutdown hook stops whatever is still running
    }

    // ------------------------------------------------------------------------------------------------ the run

    private int run() throws Exception {
        long runStart = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            String snapshot = System.getenv("BENCH_SNAPSHOT_DIR");
            if (snapshot != null && !snapshot.isBlank() && Path.of(snapshot).getFileName().toString().startsWith("app-")) {
                deleteTree(Path.of(snapshot)); // bench/run.sh's copy of the build, which the stopped services ran from
            }
        }, "bench-stop"));
        startWatchdog();

        System.out.println("==================== 高校信息公开 pipeline 基准测试 / end-to-end benchmark ====================");
        System.out.println(machine());
        System.out.println("code: " + System.getenv().getOrDefault("BENCH_GIT", "?") + "; settings: " + cfg.describe());
        dataDir = cfg.dataRoot().resolve("run-" + runTag);
        Files.createDirectories(dataDir.resolve("logs"));
        System.out.println("data: " + dataDir + (cfg.keepData() ? " (kept: BENCH_KEEP_DATA=true)" : " (deleted at the end)"));
        if (cfg.profileDir() != null) {
            System.out.println("profiling: JFR recordings in " + cfg.profileDir());
        }

        StackPaths paths = StackPaths.fromBuild();
        // the same servers as ./run.sh (Settings.defaults: Kafka heap 512m, durable PostgreSQL), on free ports
        LocalStack.Settings settings = new LocalStack.Settings(dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), "512m", true);
        stack = new LocalStack(settings, paths);
        register(stack);
        stack.start();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String adminToken = "adm_" + HexFormat.of().formatHex(secret);
        pipeline = new Pipeline(stack, paths, dataDir.resolve("logs"), Pipeline.ServicePorts.ephemeral(),
                Map.of("xxgk.admin-token", adminToken));
        register(pipeline);
        long t = System.nanoTime();
        pipeline.start();
        System.out.printf(Locale.ROOT, "services ready in %.1f s: ingest %s, classify %s, publish %s%n", (System.nanoTime() - t) / NANOS,
                pipeline.url(Service.INGEST), pipeline.url(Service.CLASSIFY), pipeline.url(Service.PUBLISH));
        api = new Api(pipeline.url(Service.INGEST), pipeline.url(Service.CLASSIFY), pipeline.url(Service.PUBLISH), adminToken);
        kafka = new KafkaWatch(stack.kafka().bootstrapServers(), stack.kafka().admin());
        register(kafka);
        pg = new Pg(stack.postgres().jdbcUrl("postgres"));
        register(pg);
        pgSettings = pg.settings();
        System.out.println("PostgreSQL settings: " + pgSettings);

        watched.add(new ProcStats.Watched("ingest", pipeline.process(Service.INGEST).pid(), false));
        watched.add(new ProcStats.Watched("classify", pipeline.process(Service.CLASSIFY).pid(), false));
        watched.add(new ProcStats.Watched("publish", pipeline.process(Service.PUBLISH).pid(), false));
        watched.add(new ProcStats.Watched("kafka", stack.kafka().process().pid(), false));
        watched.add(new ProcStats.Watched("s3proxy", stack.objectStore().process().pid(), false));
        long pgPid = postmasterPid();
        if (pgPid > 0) {
            watched.add(new ProcStats.Watched("postgres", pgPid, true));
        }
        watched.add(new ProcStats.Watched("bench", ProcessHandle.current().pid(), false));

        checkClassification();
        for (String s : List.of(WARMUP_SCHOOL, SINGLE_SCHOOL, BATCH_SCHOOL, BULK_SCHOOL, LATENCY_SCHOOL)) {
            keys.put(s, api.issueKey(s, Items.DEPARTMENT));
        }
        probe();
        warmUp();

        Instant measuredFrom = Instant.now();
        List<Phase> phases = new ArrayList<>();
        phases.add(single("single", "单条提交", "single-item POSTs", SINGLE_SCHOOL, cfg.single()));
        phases.add(batches("batch", "批量提交", "batches of " + cfg.batchSize(), BATCH_SCHOOL, cfg.batch()));
        phases.add(bulkImport("bulk", "文件导入", "bulk CSV import", BULK_SCHOOL, cfg.bulk()));
        Latency latency = latency(LATENCY_SCHOOL);
        phases.add(latency.phase());
        Instant measuredTo = Instant.now();

        Audit audit = audit(phases);
        Map<String, Double> pgEnd = pg.counters();
        int recordSize = (int) Math.round(audit.avgEventBytes);
        System.out.printf(Locale.ROOT, "%n[baseline] Kafka ProducerPerformance: %,d records of %d bytes (average ItemSubmitted event), acks=all ...%n",
                cfg.baselineRecords(), recordSize);
        Map<String, Double> cpuBefore = ProcStats.cpuSeconds(watched);
        ProducerBaseline.Result baseline = ProducerBaseline.run(stack.kafka(), paths.kafkaLib(), cfg.baselineRecords(), recordSize,
                dataDir.resolve("logs"), p -> register(() -> p.stop(5)));
        Map<String, Double> baselineCpu = ProcStats.delta(cpuBefore, ProcStats.cpuSeconds(watched));
        System.out.println("  " + baseline.summaryLine());

        Map<String, Long> memory = memory();
        List<String> leftovers = stopAll();
        List<JfrSummary.Window> windows = new ArrayList<>();
        phases.forEach(p -> windows.add(new JfrSummary.Window(p.key(), p.from(), p.to())));
        String profile = cfg.profileDir() == null ? null
                : JfrSummary.analyse(cfg.profileDir(), pidNames(), measuredFrom, measuredTo, windows);
        double minutes = (System.nanoTime() - runStart) / NANOS / 60;

        report(phases, latency, audit, baseline, baselineCpu, memory, leftovers, profile, minutes, pgEnd);
        return audit.lost + audit.duplicated == 0 ? 0 : 4;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The load must land on checklist item 18 with a confident rule, or nothing would be published. */
    private void checkClassification() {
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
    private void probe() {
        Items items = new Items(school(WARMUP_SCHOOL), "bench-probe-" + runTag);
        Api.Reply r = api.send(api.postItem(keys.get(WARMUP_SCHOOL), items.json(0).toString()));
        if (r.status() != 202) {
            throw new IllegalStateException("probe item not accepted: " + r.status() + " " + Api.abbreviate(r.body()));
        }
        long t0 = System.nanoTime();
        while (true) {
            Api.Reply g = api.send(api.publishedItem(WARMUP_SCHOOL, items.id(0)));
            if (g.status() == 200) {
                break;
            }
            if (System.nanoTime() - t0 > 90 * 1_000_000_000L) {
                throw new IllegalStateException("probe item " + items.id(0) + " not visible after 90 s (held? see classify-service log in "
                        + dataDir.resolve("logs") + ")");
            }
            KafkaWatch.sleep(50);
        }
        long count = api.catalogueCount(WARMUP_SCHOOL, Items.CHECKLIST_ITEM);
        if (count != 1) {
            throw new IllegalStateException("probe: catalogue item " + Items.CHECKLIST_ITEM + " of " + WARMUP_SCHOOL + " counts " + count + ", expected 1");
        }
        System.out.printf(Locale.ROOT, "probe item visible in the catalogue after %.0f ms (cold)%n", (System.nanoTime() - t0) / 1e6);
    }

    /** JIT warm-up of every path (single, batch, import, reads) on a school of its own; not measured. */
    private void warmUp() {
        if (cfg.warmup() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        int singles = cfg.warmup() / 5;
        int batch = cfg.warmup() * 2 / 5;
        int rows = cfg.warmup() - singles - batch;
        Items a = new Items(school(WARMUP_SCHOOL), "bench-warm-s-" + runTag);
        Items b = new Items(school(WARMUP_SCHOOL), "bench-warm-b-" + runTag);
        Items c = new Items(school(WARMUP_SCHOOL), "bench-warm-i-" + runTag);
        Tally tally = new Tally();
        sendSingles(a, keys.get(WARMUP_SCHOOL), singles, cfg.singleConcurrency(), tally);
        sendBatches(b, keys.get(WARMUP_SCHOOL), batch, Math.min(cfg.batchSize(), Math.max(1, batch / 4)), cfg.batchConcurrency(), tally);
        int imported = rows > 0 ? runImportJob(c, keys.get(WARMUP_SCHOOL), rows).accepted : 0;
        long expected = 1 + tally.accepted.get() + imported;
        Seen seen = awaitVisible(WARMUP_SCHOOL, expected);
        for (int i = 0; i < 20; i++) {
            api.send(api.publishedItem(WARMUP_SCHOOL, a.id(i)));
        }
        if (seen.count() < expected) {
            throw new IllegalStateException("warm-up: only " + seen.count() + " of " + expected + " items became visible");
        }
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "warm-up: %,d items (single, batch, import) visible in %.1f s; consumer lag after: %s%n",
                expected - 1, (System.nanoTime() - t0) / NANOS, lag);
    }

    // ------------------------------------------------------------------------------------------------ phases

    /** What one measured phase did. Times are seconds from its first POST. */
    record Phase(String key, String zh, String en, String school, int items, int accepted, int rejected, int failed, int retries,
                 double ingestDone, double relayed, double classified, double visibleAt, long visible, long countBefore,
                 long outboxBacklog, long classifyBacklog, Map<String, Double> cpu, double wall, Set<String> ids, String note,
                 Instant from, Instant to, Map<String, Double> pgAtStart, Map<String, String> pgActivity) {

        double throughput() {
            return visibleAt > 0 ? accepted / visibleAt : -1;
        }

        double ingestRate() {
            return ingestDone > 0 ? accepted / ingestDone : -1;
        }
    }

    static final class Tally {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicLong lastReply = new AtomicLong();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        /** The last accepted ids, in the order their 202 arrived: the tail whose visibility ends the phase. */
        private final java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();

        void accept(String id) {
            accepted.incrementAndGet();
            ids.add(id);
            synchronized (tail) {
                tail.addLast(id);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
        }

        List<String> tail() {
            synchronized (tail) {
                return new ArrayList<>(tail);
            }
        }
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        void error(String e) {
            if (errors.size() < 5) {
                errors.add(e);
            }
        }

        void replied() {
            lastReply.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private interface Load {
        String run(Tally tally);
    }

    private Phase measure(String key, String zh, String en, String school, int items, Load load) {
        System.out.printf(Locale.ROOT, "%n[%s] %s / %s: %,d items to %s ...%n", key, zh, en, items, school);
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        if (lag.values().stream().anyMatch(l -> l != 0)) {
            System.out.println("  note: consumers not idle before the phase: " + lag);
        }
        long before = api.catalogueCount(school, Items.CHECKLIST_ITEM);
        Tally tally = new Tally();
        Map<String, Double> pg0 = pg.counters();
        Map<String, Double> cpu0 = ProcStats.cpuSeconds(watched);
        String note;
        long t0;
        Seen seen;
        Instant from = Instant.now();
        KafkaWatch.StageMonitor monitor = kafka.monitor(tally.accepted::get, 100);
        Pg.ActivitySampler activity = pg.sampler(100);
        try {
            t0 = System.nanoTime();
            note = load.run(tally);
            System.out.printf(Locale.ROOT, "  ingest answered all in %.1f s (%,d accepted); waiting until visible in the catalogue ...%n",
                    (tally.lastReply.get() - t0) / NANOS, tally.accepted.get());
            seen = awaitVisible(school, before + tally.accepted.get(), monitor, tally.accepted.get(), tally.tail());
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
        Map<String, Double> cpu = ProcStats.delta(cpu0, ProcStats.cpuSeconds(watched));
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

    private Phase single(String key, String zh, String en, String school, int n) {
        Items items = new Items(school(school), "bench-single-" + runTag);
        return measure(key, zh, en + " (" + cfg.singleConcurrency() + " concurrent)", school, n, tally -> {
            sendSingles(items, keys.get(school), n, cfg.singleConcurrency(), tally);
            return cfg.singleConcurrency() + " concurrent clients, closed loop";
        });
    }

    private Phase batches(String key, String zh, String en, String school, int n) {
        Items items = new Items(school(school), "bench-batch-" + runTag);
        return measure(key, zh, en, school, n, tally -> {
            sendBatches(items, keys.get(school), n, cfg.batchSize(), cfg.batchConcurrency(), tally);
            return cfg.batchConcurrency() + " concurrent batch requests of " + cfg.batchSize();
        });
    }

    private Phase bulkImport(String key, String zh, String en, String school, int n) {
        Items items = new Items(school(school), "bench-bulk-" + runTag);
        byte[] csv = items.csv(n);
        System.out.printf(Locale.ROOT, "  register file: %,d rows, %.1f MiB CSV with Chinese headers%n", n, csv.length / 1048576.0);
        return measure(key, zh, en + " (" + n + " rows)", school, n, tally -> {
            ImportOutcome o = runImportJob(items, keys.get(school), csv, n, tally.accepted::set);
            tally.accepted.set(o.accepted);
            tally.rejected.set(o.rejected);
            tally.ids.addAll(o.ids);
            for (int r = Math.max(0, n - TAIL); r < n; r++) {
                if (o.ids.contains(items.id(r))) {
                    synchronized (tally.tail) {
                        tally.tail.addLast(items.id(r));
                    }
                }
            }
            tally.lastReply.set(o.doneNanos);
            return String.format(Locale.ROOT, "upload answered in %.1f s; import job %s", o.uploadSeconds, o.status);
        });
    }

    private void sendSingles(Items items, String key, int n, int concurrency, Tally tally) {
        Semaphore slots = new Semaphore(concurrency);
        for (int i = 0; i < n; i++) {
            acquire(slots, 1);
            String id = items.id(i);
            attempt(api.postItem(key, items.json(i).toString()), 3, tally).whenComplete((r, e) -> {
                tally.replied();
                if (e != null) {
                    tally.failed.incrementAndGet();
                    tally.error(id + ": " + e.getMessage());
                } else if (r.status() == 202) {
                    tally.accept(id);
                } else {
                    tally.rejected.incrementAndGet();
                    tally.error(id + ": " + r.status() + " " + Api.abbreviate(r.body()));
                }
                slots.release();
            });
        }
        drain(slots, concurrency);
    }

    private void sendBatches(Items items, String key, int n, int size, int concurrency, Tally tally) {
        Semaphore slots = new Semaphore(concurrency);
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            acquire(slots, 1);
            int first = from;
            attempt(api.postBatch(key, items.batch(from, to)), 3, tally).whenComplete((r, e) -> {
                tally.replied();
                try {
                    if (e != null) {
                        tally.failed.addAndGet(to - first);
                        tally.error("batch " + first + ": " + e.getMessage());
                    } else if (r.status() != 200) {
                        tally.rejected.addAndGet(to - first);
                        tally.error("batch " + first + ": " + r.status() + " " + Api.abbreviate(r.body()));
                    } else {
                        for (JsonNode line : r.json().path("results")) {
                            if (line.path("status").asInt() == 202) {
                                tally.accept(line.path("id").asText());
                            } else {
                                tally.rejected.incrementAndGet();
                                tally.error(line.toString());
                            }
                        }
                    }
                } finally {
                    slots.release();
                }
            });
        }
        drain(slots, concurrency);
    }

    /** Retries a request that failed to connect or answered 5xx: every write is idempotent by id and content. */
    private CompletableFuture<Api.Reply> attempt(HttpRequest request, int attemptsLeft, Tally tally) {
        return api.sendAsync(request).handle((r, e) -> {
            boolean retry = attemptsLeft > 1 && (e != null || r.status() >= 500);
            if (!retry) {
                return e != null ? CompletableFuture.<Api.Reply>failedFuture(e) : CompletableFuture.completedFuture(r);
            }
            tally.retries.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(request, attemptsLeft - 1, tally));
        }).thenCompose(f -> f);
    }

    private static void acquire(Semaphore s, int permits) {
        try {
            if (!s.tryAcquire(permits, 300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer from ingest-service for 300 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void drain(Semaphore s, int permits) {
        acquire(s, permits);
        s.release(permits);
    }

    record ImportOutcome(int accepted, int rejected, Set<String> ids, long doneNanos, double uploadSeconds, String status) {
    }

    private ImportOutcome runImportJob(Items items, String key, int rows) {
        return runImportJob(items, key, items.csv(rows), rows, n -> { });
    }

    /** Uploads the register, then follows the import job until it is DONE; {@code progress} gets the accepted count. */
    private ImportOutcome runImportJob(Items items, String key, byte[] csv, int rows, java.util.function.IntConsumer progress) {
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
                return new ImportOutcome(accepted, rejected, ids, done, upload, job + " " + status + " " + processed + " rows");
            }
            if ("FAILED".equals(status)) {
                throw new IllegalStateException("import " + job + " failed: " + s.path("error").asText());
            }
            if (processed != lastProcessed) {
                lastProcessed = processed;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > cfg.stallSeconds() * 1_000_000_000L) {
                throw new IllegalStateException("import " + job + " made no progress for " + cfg.stallSeconds() + " s (" + s + ")");
            }
            KafkaWatch.sleep(250);
        }
    }

    record Seen(long nanos, long count) {
    }

    /** Polls the catalogue's entryCount of checklist item 18 until it reaches {@code expected}. */
    private Seen awaitVisible(String school, long expected) {
        return pollCatalogue(school, expected, 250);
    }

    /**
     * Waits until the catalogue's entryCount of checklist item 18 reaches {@code expected}, cheaply: the catalogue
     * query is a window over all of the school's entries (100,000 rows in the bulk phase), and polling it every 100 ms
     * loaded PostgreSQL enough to slow publish-service down. So: (1) wait until the classified topic holds the
     * phase's events (Kafka end offsets, free); (2) poll the detail endpoint (a primary-key read) for the last
     * {@link #TAIL} accepted items until all answer 200 (one school's events travel in order through one partition);
     * (3) confirm with the catalogue, polling it every 250 ms if the count is still short. Gives up after
     * stallSeconds without progress.
     */
    private Seen awaitVisible(String school, long expected, KafkaWatch.StageMonitor monitor, long phaseItems, List<String> tail) {
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
            for (java.util.Iterator<String> it = pending.iterator(); it.hasNext(); ) {
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

    // ------------------------------------------------------------------------------------------------ latency

    /** A sampled item whose visibility is being polled. */
    static final class Probe {
        final int index;
        final String id;
        final long scheduled;
        volatile long nextPoll;
        final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        Probe(int index, String id, long scheduled, long nextPoll) {
            this.index = index;
            this.id = id;
            this.scheduled = scheduled;
            this.nextPoll = nextPoll;
        }
    }

    record Latency(Phase phase, int offered, double offeredRate, double achievedRate, long lateSends, double maxLagMs,
                   long[] e2eMs, int samples, int unresolved, long polls, double pollSeconds, long[] ackMs) {

        long pct(double q) {
            return percentile(e2eMs, q);
        }

        boolean sustained() {
            return achievedRate >= offeredRate * 0.98 && lateSends <= offered / 100;
        }
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Open model: item i is sent at t0 + i/rate whatever the answers (async client, at most latencyMaxInFlight
     * outstanding). Every latencySampleEvery-th accepted item is polled on GET /api/v1/schools/{code}/items/{id} every
     * latencyPollMillis until it answers 200; its latency runs from its scheduled send time to that answer.
     * One school's events travel in order (one partition, key = school code), so only the oldest
     * {@link #POLL_WINDOW} pending samples are polled: the poll load stays bounded however large the latency grows.
     */
    private Latency latency(String school) {
        int rate = Math.max(1, cfg.latencyRate());
        int total = rate * cfg.latencySeconds();
        int every = Math.max(1, cfg.latencySampleEvery());
        Items items = new Items(school(school), "bench-lat-" + runTag);
        String key = keys.get(school);
        long[] e2e = new long[(total + every - 1) / every];
        Arrays.fill(e2e, -1);
        long[] ack = new long[total];
        Arrays.fill(ack, -1);
        AtomicLong polls = new AtomicLong();
        AtomicInteger resolved = new AtomicInteger();
        AtomicInteger sampled = new AtomicInteger();
        AtomicLong late = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        long[] sendWindow = new long[2];
        ConcurrentSkipListMap<Integer, Probe> pending = new ConcurrentSkipListMap<>();
        long pollNanos = cfg.latencyPollMillis() * 1_000_000L;
        String label = String.format(Locale.ROOT, "single POSTs at %,d/s for %d s", rate, cfg.latencySeconds());

        Phase phase = measure("latency", "固定负载延迟", label, school, total, tally -> {
            Semaphore inFlight = new Semaphore(cfg.latencyMaxInFlight());
            List<Thread> pollers = new ArrayList<>();
            AtomicInteger stop = new AtomicInteger();
            for (int p = 0; p < cfg.latencyPollThreads(); p++) {
                Thread th = new Thread(() -> {
                    while (stop.get() == 0) {
                        Probe probe = null;
                        long now = System.nanoTime();
                        int seen = 0;
                        for (Probe candidate : pending.values()) {
                            if (++seen > POLL_WINDOW) {
                                break;
                            }
                            if (candidate.nextPoll <= now && candidate.claimed.compareAndSet(false, true)) {
                                probe = candidate;
                                break;
                            }
                        }
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
                        now = System.nanoTime();
                        polls.incrementAndGet();
                        if (status == 200) {
                            e2e[probe.index / every] = (now - probe.scheduled) / 1_000_000;
                            pending.remove(probe.index);
                            resolved.incrementAndGet();
                        } else {
                            probe.nextPoll = now + pollNanos;
                            probe.claimed.set(false);
                        }
                    }
                }, "bench-poller-" + p);
                th.setDaemon(true);
                th.start();
                pollers.add(th);
            }
            long t0 = System.nanoTime() + 20_000_000L;
            sendWindow[0] = t0;
            for (int i = 0; i < total; i++) {
                long target = t0 + (long) (i * (NANOS / rate));
                for (long now = System.nanoTime(); now < target; now = System.nanoTime()) {
                    LockSupport.parkNanos(target - now);
                }
                if (!inFlight.tryAcquire()) {
                    acquire(inFlight, 1);
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
                    ack[index] = (now - target) / 1_000_000;
                    if (e != null) {
                        tally.failed.incrementAndGet();
                        tally.error(id + ": " + e);
                    } else if (r.status() == 202) {
                        tally.accept(id);
                        if (index % every == 0) {
                            sampled.incrementAndGet();
                            pending.put(index, new Probe(index, id, target, now + pollNanos));
                        }
                    } else {
                        tally.rejected.incrementAndGet();
                        tally.error(id + ": " + r.status() + " " + Api.abbreviate(r.body()));
                    }
                });
            }
            sendWindow[1] = System.nanoTime();
            drain(inFlight, cfg.latencyMaxInFlight());
            // the samples first (precise times), then the count below
            long lastChange = System.nanoTime();
            int lastResolved = -1;
            while (resolved.get() < sampled.get()) {
                if (resolved.get() != lastResolved) {
                    lastResolved = resolved.get();
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > cfg.stallSeconds() * 1_000_000_000L) {
                    break;
                }
                KafkaWatch.sleep(50);
            }
            stop.set(1);
            for (Thread th : pollers) {
                try {
                    th.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "open model";
        });
        double sendSeconds = (sendWindow[1] - sendWindow[0]) / NANOS;
        long[] sorted = Arrays.stream(e2e).filter(v -> v >= 0).sorted().toArray();
        long[] acks = Arrays.stream(ack).filter(v -> v >= 0).sorted().toArray();
        Latency l = new Latency(phase, total, rate, total / Math.max(sendSeconds, 1e-9), late.get(), maxLag.get() / 1e6, sorted,
                sampled.get(), sampled.get() - sorted.length, polls.get(), phase.wall(), acks);
        System.out.printf(Locale.ROOT, "  offered %,d/s → sent at %,.0f/s (%s; %,d sends >10 ms late, max %.0f ms); sampled latency p50 %d ms, p99 %d ms, max %d ms over %,d samples (%,d polls)%n",
                rate, l.achievedRate(), l.sustained() ? "sustained" : "NOT sustained", l.lateSends(), l.maxLagMs(), l.pct(0.5), l.pct(0.99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1], sorted.length, l.polls());
        return l;
    }

    // ------------------------------------------------------------------------------------------------ audit

    static final class Audit {
        long lost;
        long duplicated;
        long redelivered;
        long resubmitted;
        long notPublished;
        long missingOnTopic;
        double avgEventBytes;
        long submittedRecords;
        long classifiedRecords;
        final List<String> lines = new ArrayList<>();
    }

    /**
     * Lost = accepted − visible in the catalogue; duplicated = visible − accepted (per phase school). From the topics:
     * accepted ids missing from the classified topic, and ids delivered more than once (deduplicated downstream).
     */
    private Audit audit(List<Phase> phases) {
        System.out.println();
        System.out.println("[audit] reading both topics from the beginning ...");
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        Set<String> benchSchools = new HashSet<>(List.of(WARMUP_SCHOOL, SINGLE_SCHOOL, BATCH_SCHOOL, BULK_SCHOOL, LATENCY_SCHOOL));
        KafkaWatch.Audit submitted = kafka.audit(KafkaWatch.SUBMITTED, benchSchools, Duration.ofSeconds(120));
        KafkaWatch.Audit classified = kafka.audit(KafkaWatch.CLASSIFIED, benchSchools, Duration.ofSeconds(120));
        Audit a = new Audit();
        a.submittedRecords = submitted.benchRecords;
        a.classifiedRecords = classified.benchRecords;
        a.avgEventBytes = submitted.benchRecords == 0 ? 600 : (double) submitted.benchValueBytes / submitted.benchRecords;
        for (Phase p : phases) {
            long visibleNow = api.catalogueCount(p.school(), Items.CHECKLIST_ITEM) - p.countBefore();
            long lost = Math.max(0, p.accepted() - visibleNow);
            long dup = Math.max(0, visibleNow - p.accepted());
            long missing = 0;
            long redelivered = 0;
            long resubmitted = 0;
            long notPublished = 0;
            for (String id : p.ids()) {
                String k = p.school() + "/" + id;
                Integer c = classified.count.get(k);
                if (c == null) {
                    missing++;
                } else {
                    if (c > 1) {
                        redelivered++;
                    }
                    if (!"PUBLISH".equals(classified.decision.get(k))) {
                        notPublished++;
                    }
                }
                Integer s = submitted.count.get(k);
                if (s != null && s > 1) {
                    resubmitted++;
                }
            }
            a.lost += lost;
            a.duplicated += dup;
            a.missingOnTopic += missing;
            a.redelivered += redelivered;
            a.resubmitted += resubmitted;
            a.notPublished += notPublished;
            a.lines.add(String.join("\t", p.key(), Long.toString(p.accepted()), Long.toString(visibleNow), Long.toString(lost),
                    Long.toString(dup), Long.toString(missing), Long.toString(resubmitted), Long.toString(redelivered),
                    Long.toString(notPublished)));
        }
        System.out.printf(Locale.ROOT, "  %,d submitted and %,d classified events of the benchmark's schools; consumer lag %s%n",
                submitted.benchRecords, classified.benchRecords, lag);
        return a;
    }

    // ------------------------------------------------------------------------------------------------ memory, stop

    private Map<String, Long> memory() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            ServerProcess p = pipeline.process(s);
            m.put(s.module() + " (-Xmx256m)", p == null ? -1 : p.residentKib());
        }
        m.put("Kafka broker (-Xmx512m)", stack.kafka().process().residentKib());
        m.put("S3Proxy (-Xmx256m)", stack.objectStore().process().residentKib());
        watched.stream().filter(ProcStats.Watched::tree).findFirst()
                .ifPresent(w -> m.put("PostgreSQL (PSS, all its processes)", ProcStats.treePssKib(w.pid())));
        m.put("benchmark client (-Xmx768m)", ProcStats.statusKib(ProcessHandle.current().pid(), "VmRSS"));
        return m;
    }

    private Map<Long, String> pidNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        watched.forEach(w -> m.put(w.pid(), w.name()));
        return m;
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private synchronized void register(AutoCloseable c) {
        toClose.add(c);
    }

    /** Stops every process this run started, newest first; returns any that survived. Idempotent. */
    private synchronized List<String> stopAll() {
        if (stopped) {
            return List.of();
        }
        stopped = true;
        System.out.println();
        System.out.println("正在停止 / stopping every process the benchmark started ...");
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                System.err.println("stop: " + e.getMessage());
            }
        }
        toClose.clear();
        List<String> left = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && watched.stream().anyMatch(w -> w.pid() != ProcessHandle.current().pid()
                && ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (ProcStats.Watched w : watched) {
            if (w.pid() != ProcessHandle.current().pid() && ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                left.add(w.name() + " (pid " + w.pid() + ")");
                ProcessHandle.of(w.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(h -> {
            left.add(h.info().command().orElse("?") + " (pid " + h.pid() + ")");
            h.destroyForcibly();
        });
        if (dataDir != null && !cfg.keepData()) {
            deleteTree(dataDir);
        }

        System.out.println(left.isEmpty() ? "已停止 / all stopped." : "已强制停止 / force-stopped: " + left);
        return left;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private void startWatchdog() {
        Thread w = new Thread(() -> {
            try {
                Thread.sleep(cfg.timeoutSeconds() * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("超时 / the benchmark exceeded BENCH_TIMEOUT_SECONDS=" + cfg.timeoutSeconds() + "; stopping");
            System.exit(3);
        }, "bench-watchdog");
        w.setDaemon(true);
        w.start();
    }

    private School school(String code) {
        return schools.find(code).orElseThrow(() -> new IllegalStateException("no school " + code + " in the directory"));
    }

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores (%s), %.1f GiB RAM, %s %s, Java %s (%s), load average at start %s",
                Runtime.getRuntime().availableProcessors(), ProcStats.cpuModel(), ProcStats.memTotalKib() / 1048576.0,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), ProcStats.loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ report

    private void report(List<Phase> phases, Latency lat, Audit audit, ProducerBaseline.Result base, Map<String, Double> baseCpu,
                        Map<String, Long> memory, List<String> leftovers, String profile, double minutes, Map<String, Double> pgEnd) {
        StringBuilder out = new StringBuilder();
        out.append("\n==================== 结果 / results ====================\n");
        out.append(machine()).append('\n');
        out.append(String.format(Locale.ROOT, "code: %s; run took %.1f min; load average now %s%n",
                System.getenv().getOrDefault("BENCH_GIT", "?"), minutes, ProcStats.loadAverage()));
        out.append("PostgreSQL (as ./run.sh starts it): ").append(pgSettings).append("\n\n");

        out.append("端到端吞吐量 / end-to-end throughput (first POST → last item visible in the catalogue, entryCount of item 18)\n");
        Table t = new Table("模式 / mode", "条数 items", "已受理 accepted", "受理完成 ingest done s", "已入Kafka relayed s",
                "已分类 classified s", "可见 visible s", "条/秒 items/s", "对基线 vs baseline");
        for (Phase p : phases) {
            if (p.key().equals("latency")) {
                continue;
            }
            t.row(p.zh() + " / " + p.en(), Table.f0(p.items()), Table.f0(p.accepted()), Table.f1(p.ingestDone()), Table.f1(p.relayed()),
                    Table.f1(p.classified()), Table.f1(p.visibleAt()), Table.f0(p.throughput()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * p.throughput() / base.recordsPerSec()));
        }
        out.append(t.render());
        out.append(" (受理完成 = last 202 answer / import DONE; relayed = all events on disclosure.items.submitted.v1; classified = all on\n"
                + "  disclosure.items.classified.v1; visible = catalogue entryCount reached the accepted count; all from the first POST)\n");
        for (Phase p : phases) {
            if (!p.key().equals("latency")) {
                out.append(String.format(Locale.ROOT, "  %-7s %s; ingest %,.0f items/s; largest backlog: outbox %,d, classify %,d%s%n",
                        p.key(), p.note(), p.ingestRate(), p.outboxBacklog(), p.classifyBacklog(),
                        p.retries() > 0 ? "; " + p.retries() + " retried requests" : ""));
            }
        }

        out.append(String.format(Locale.ROOT, "%n端到端延迟 / end-to-end latency, POST → visible (GET /items/{id} = 200), offered %,d items/s for %d s, open model%n",
                cfg.latencyRate(), cfg.latencySeconds()));
        Table l = new Table("指标 / metric", "值 value");
        l.row("提供负载 / offered load", String.format(Locale.ROOT, "%,d items/s (%,d items)", cfg.latencyRate(), lat.offered()));
        l.row("实际发送 / actually sent", String.format(Locale.ROOT, "%,.0f items/s, %s", lat.achievedRate(),
                lat.sustained() ? "sustained 已维持" : "NOT sustained 未能维持 (" + lat.lateSends() + " sends >10 ms late, max lag "
                        + Table.f0(lat.maxLagMs()) + " ms)"));
        l.row("抽样 / sample", String.format(Locale.ROOT, "every %d-th item: %,d samples, %,d unresolved; oldest %d pending polled every %d ms (%,d polls, %,.0f/s)",
                cfg.latencySampleEvery(), lat.e2eMs().length, lat.unresolved(), POLL_WINDOW, cfg.latencyPollMillis(), lat.polls(),
                lat.polls() / Math.max(1e-9, lat.pollSeconds())));
        l.row("p50", lat.pct(0.50) + " ms");
        l.row("p99", lat.pct(0.99) + " ms");
        l.row("max", (lat.e2eMs().length == 0 ? -1 : lat.e2eMs()[lat.e2eMs().length - 1]) + " ms");
        l.row("受理应答 / POST → 202 (all items) p50 / p99 / max", String.format(Locale.ROOT, "%d / %d / %d ms", percentile(lat.ackMs(), 0.5),
                percentile(lat.ackMs(), 0.99), lat.ackMs().length == 0 ? -1 : lat.ackMs()[lat.ackMs().length - 1]));
        l.row("该阶段吞吐 / phase throughput", String.format(Locale.ROOT, "%,.0f items/s end to end (all visible %.1f s after the first POST)",
                lat.phase().throughput(), lat.phase().visibleAt()));
        out.append(l.render());

        out.append("\n基线 / baseline: Kafka ProducerPerformance (kafka-tools 4.3.1), same broker, same machine, same run\n");
        Table b = new Table("指标 / metric", "值 value");
        b.row("记录 / records", String.format(Locale.ROOT, "%,d × %d bytes (= average ItemSubmitted event, measured on the topic)",
                base.records(), Math.round(audit.avgEventBytes)));
        b.row("设置 / settings", "acks=all, --throughput -1, topic bench-perf with 6 partitions");
        b.row("吞吐 / throughput", String.format(Locale.ROOT, "%,.0f records/s (%.2f MB/s)", base.recordsPerSec(), base.mbPerSec()));
        b.row("延迟 / latency avg, max", String.format(Locale.ROOT, "%.1f ms, %.0f ms", base.avgLatencyMs(), base.maxLatencyMs()));
        b.row("kafka CPU during baseline", Table.f1(baseCpu.getOrDefault("kafka", -1.0)) + " s");
        out.append(b.render());

        out.append("\nCPU 时间 / CPU seconds per process and phase (cores used = CPU s / wall s; 'others' = rest of the machine)\n");
        List<String> names = new ArrayList<>();
        watched.forEach(w -> names.add(w.name()));
        List<String> header = new ArrayList<>(List.of("阶段 / phase", "wall s"));
        header.addAll(names);
        header.add("others");
        Table c = new Table(header.toArray(String[]::new));
        for (Phase p : phases) {
            List<Object> row = new ArrayList<>(List.of(p.key(), Table.f1(p.wall())));
            double ours = 0;
            for (String n : names) {
                double v = p.cpu().getOrDefault(n, -1.0);
                ours += Math.max(0, v);
                row.add(Table.f1(v));
            }
            row.add(Table.f1(Math.max(0, p.cpu().getOrDefault("machine", -1.0) - ours)));
            c.row(row.toArray());
        }
        out.append(c.render());

        out.append("\nPostgreSQL 每条 / per item and phase (pg_stat_database, pg_stat_wal; statistics are flushed with up to a few seconds' delay)\n");
        Table q = new Table("阶段 / phase", "database", "commits", "rows inserted", "rows updated", "rows fetched",
                "backends busy (sampled every 100 ms: on CPU, waiting, idle in transaction)");
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            Map<String, Double> d = Pg.delta(p.pgAtStart(), i + 1 < phases.size() ? phases.get(i + 1).pgAtStart() : pgEnd);
            double n = Math.max(1, p.accepted());
            for (String db : Pg.DATABASES) {
                q.row(db.equals("ingest") ? p.key() : "", db, Table.f2(d.getOrDefault(db + ".commits", -1.0) / n),
                        Table.f2(d.getOrDefault(db + ".inserted", -1.0) / n), Table.f2(d.getOrDefault(db + ".updated", -1.0) / n),
                        Table.f2(d.getOrDefault(db + ".fetched", -1.0) / n), p.pgActivity().getOrDefault(db, "-"));
            }
            for (String db : Pg.DATABASES) {
                String st = p.pgActivity().getOrDefault(db + ".statements", "-");
                if (!st.equals("-")) {
                    q.row("", db, "", "", "", "", "active in: " + st);
                }
                String read = Pg.mostRead(d, db, n);
                if (!read.equals("-")) {
                    q.row("", db, "", "", "", "", "rows read per item from: " + read);
                }
            }
            q.row("", "WAL", String.format(Locale.ROOT, "%.2f fsyncs", d.getOrDefault("wal.syncs", -1.0) / n),
                    String.format(Locale.ROOT, "%,.0f bytes", d.getOrDefault("wal.bytes", -1.0) / n),
                    String.format(Locale.ROOT, "%.1f records", d.getOrDefault("wal.records", -1.0) / n), "", "");
        }
        out.append(q.render());

        out.append("\n常驻内存 / resident memory at the end (ServerProcess.residentKib() = VmRSS; PostgreSQL as PSS summed over its processes)\n");
        Table m = new Table("进程 / process", "RSS");
        memory.forEach((k, v) -> m.row(k, Table.mib(v)));
        out.append(m.render());

        out.append("\n丢失与重复 / lost and duplicated (must be 0)\n");
        Table d = new Table("阶段 / phase", "accepted 已受理", "visible 可见", "lost 丢失", "duplicated 重复", "missing on topic",
                "re-sent to Kafka", "redelivered (deduplicated)", "not PUBLISH");
        for (String line : audit.lines) {
            d.row((Object[]) line.split("\t"));
        }
        out.append(d.render());
        out.append(String.format(Locale.ROOT, " (re-sent = same id more than once on the submitted topic; redelivered = more than once on the classified\n"
                + "  topic, i.e. delivered to publish-service more than once and stored once; neither is a duplicate in the catalogue)%n"));
        out.append(leftovers.isEmpty() ? "\n进程 / processes: every process the benchmark started has been stopped.\n"
                : "\n进程 / processes: had to force-stop " + leftovers + "\n");
        if (profile != null) {
            out.append('\n').append(profile);
        }

        Phase best = phases.stream().filter(p -> !p.key().equals("latency")).max(Comparator.comparingDouble(Phase::throughput)).orElseThrow();
        double ratio = best.throughput() / base.recordsPerSec();
        out.append(String.format(Locale.ROOT, "%npipeline_items_per_s = the best end-to-end mode (%s); p99_ms = sampled POST → visible at %,d/s offered.%n",
                best.key(), cfg.latencyRate()));
        out.append(String.format(Locale.ROOT, "RESULT pipeline_items_per_s=%.0f baseline_records_per_s=%.0f ratio=%.4f p99_ms=%d lost=%d duplicated=%d%n",
                best.throughput(), base.recordsPerSec(), ratio, lat.pct(0.99), audit.lost, audit.duplicated));
        System.out.print(out);
        System.out.flush();
    }
}
