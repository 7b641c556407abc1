package io.xxgk.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run.sh}: starts the same embedded servers and services as {@code ./run.sh} (free ports, fresh data
 * folder), drives load through the public REST API from this separate process, and prints end-to-end throughput for
 * single POSTs, batches and a bulk register import, end-to-end latency at a fixed offered load, Kafka's own producer
 * benchmark on the same broker as the baseline, resident memory, CPU per process, and items lost or duplicated.
 * Ends with one {@code RESULT ...} line. Every process it started is stopped on exit, also on Ctrl-C or failure.
 *
 * <p>The parts: {@link BenchStack} (the servers), {@link Preflight} (checks and warm-up), {@link LoadPhases} and
 * {@link LatencyProbe} (the measured phases, each through {@link PhaseMeter}), {@link DeliveryAuditor} (lost and
 * duplicated), {@link ProcessAccounting} (CPU, memory, PostgreSQL) and {@link Report} (the table and the RESULT line).
 */
public final class PipelineBenchmark {

    private static final double NANOS = 1e9;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BenchConfig cfg;
    private final String runTag = LocalDateTime.now().format(STAMP);
    private final BenchSchools schools = new BenchSchools();
    private final BenchStack stack;

    private PipelineBenchmark(BenchConfig cfg) {
        this.cfg = cfg;
        this.stack = new BenchStack(cfg);
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
            Path dataDir = bench.stack.dataDir();
            System.err.println("logs: " + (dataDir == null ? "-" : dataDir.resolve("logs"))
                    + (cfg.keepData() ? " (kept)" : " (deleted on exit; BENCH_KEEP_DATA=true keeps them)"));
            code = 1;
        }
        System.exit(code); // the shutdown hook stops whatever is still running
    }

    private int run() throws Exception {
        long runStart = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stopAll();
            String snapshot = System.getenv("BENCH_SNAPSHOT_DIR");
            if (snapshot != null && !snapshot.isBlank() && Path.of(snapshot).getFileName().toString().startsWith("app-")) {
                BenchStack.deleteTree(Path.of(snapshot)); // bench/run.sh's copy of the build, which the stopped services ran from
            }
        }, "bench-stop"));
        startWatchdog();

        System.out.println("==================== 高校信息公开 pipeline 基准测试 / end-to-end benchmark ====================");
        System.out.println(Report.machine());
        System.out.println("code: " + System.getenv().getOrDefault("BENCH_GIT", "?") + "; settings: " + cfg.describe());
        Path dataDir = stack.createDataDir(cfg.dataRoot().resolve("run-" + runTag));
        System.out.println("data: " + dataDir + (cfg.keepData() ? " (kept: BENCH_KEEP_DATA=true)" : " (deleted at the end)"));
        if (cfg.profileDir() != null) {
            System.out.println("profiling: JFR recordings in " + cfg.profileDir());
        }
        stack.start();

        Api api = stack.api();
        ProcessAccounting accounting = stack.accounting();
        Visibility visibility = new Visibility(cfg, api);
        IngestLoad load = new IngestLoad(api);
        ImportJob imports = new ImportJob(api, cfg.stallSeconds());
        Preflight preflight = new Preflight(cfg, api, stack.kafka(), schools, runTag, load, imports, visibility, stack.logs());
        preflight.checkClassification();
        schools.issueKeys(api);
        preflight.probe();
        preflight.warmUp();

        PhaseMeter meter = new PhaseMeter(api, stack.kafka(), stack.pg(), accounting, visibility);
        LoadPhases loads = new LoadPhases(cfg, schools, runTag, meter, load, imports);
        Instant measuredFrom = Instant.now();
        List<Phase> phases = new ArrayList<>();
        phases.add(loads.single("single", "单条提交", "single-item POSTs", BenchSchools.SINGLE, cfg.single()));
        phases.add(loads.batches("batch", "批量提交", "batches of " + cfg.batchSize(), BenchSchools.BATCH, cfg.batch()));
        phases.add(loads.bulkImport("bulk", "文件导入", "bulk CSV import", BenchSchools.BULK, cfg.bulk()));
        LatencyResult latency = new LatencyProbe(cfg, api, schools, runTag, meter).run(BenchSchools.LATENCY);
        phases.add(latency.phase());
        Instant measuredTo = Instant.now();

        DeliveryAudit audit = new DeliveryAuditor(api, stack.kafka()).audit(phases);
        Map<String, Double> pgEnd = stack.pg().counters();
        int recordSize = (int) Math.round(audit.avgEventBytes());
        System.out.printf(Locale.ROOT, "%n[baseline] Kafka ProducerPerformance: %,d records of %d bytes (average ItemSubmitted event), acks=all ...%n",
                cfg.baselineRecords(), recordSize);
        Map<String, Double> cpuBefore = accounting.cpuSeconds();
        ProducerBaseline.Result baseline = stack.runBaseline(cfg.baselineRecords(), recordSize);
        Map<String, Double> baselineCpu = ProcStats.delta(cpuBefore, accounting.cpuSeconds());
        System.out.println("  " + baseline.summaryLine());

        Map<String, Long> memory = accounting.memory();
        List<String> leftovers = stack.stopAll();
        List<JfrSummary.Window> windows = new ArrayList<>();
        phases.forEach(p -> windows.add(new JfrSummary.Window(p.key(), p.from(), p.to())));
        String profile = cfg.profileDir() == null ? null
                : JfrSummary.analyse(cfg.profileDir(), accounting.pidNames(), measuredFrom, measuredTo, windows);
        double minutes = (System.nanoTime() - runStart) / NANOS / 60;

        Report report = new Report(cfg, stack.pgSettings(), phases, latency, audit, baseline, baselineCpu, accounting, memory, leftovers,
                profile, minutes, pgEnd);
        System.out.print(report.render());
        System.out.flush();
        return audit.lost() + audit.duplicated() == 0 ? 0 : 4;
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
}
