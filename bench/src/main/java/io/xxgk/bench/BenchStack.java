package io.xxgk.bench;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.Pipeline.Service;
import io.xxgk.stack.Ports;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The servers and services under test, as {@code ./run.sh} starts them (free ports, a fresh data folder), and the
 * clients the benchmark reads them with; stops every process it started, also on Ctrl-C or failure.
 */
final class BenchStack {

    private final BenchConfig cfg;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private volatile boolean stopped;
    private Path dataDir;
    private StackPaths paths;
    private LocalStack stack;
    private Pipeline pipeline;
    private Api api;
    private KafkaWatch kafka;
    private Pg pg;
    private String pgSettings = "?";
    private ProcessAccounting accounting;

    BenchStack(BenchConfig cfg) {
        this.cfg = cfg;
    }

    /** The run's data folder (servers' data and logs), deleted at the end unless BENCH_KEEP_DATA=true. */
    Path createDataDir(Path dir) throws IOException {
        dataDir = dir;
        Files.createDirectories(dataDir.resolve("logs"));
        return dataDir;
    }

    /** May be null: the run failed before it had one. */
    Path dataDir() {
        return dataDir;
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    void start() {
        paths = StackPaths.fromBuild();
        // the same servers as ./run.sh (Settings.defaults: Kafka heap 512m, durable PostgreSQL), on free ports
        LocalStack.Settings settings = new LocalStack.Settings(dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), "512m", true);
        stack = new LocalStack(settings, paths);
        register(stack);
        stack.start();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String adminToken = "adm_" + HexFormat.of().formatHex(secret);
        pipeline = new Pipeline(stack, paths, logs(), Pipeline.ServicePorts.ephemeral(), Map.of("xxgk.admin-token", adminToken));
        register(pipeline);
        long t = System.nanoTime();
        pipeline.start();
        System.out.printf(Locale.ROOT, "services ready in %.1f s: ingest %s, classify %s, publish %s%n", (System.nanoTime() - t) / 1e9,
                pipeline.url(Service.INGEST), pipeline.url(Service.CLASSIFY), pipeline.url(Service.PUBLISH));
        api = new Api(pipeline.url(Service.INGEST), pipeline.url(Service.CLASSIFY), pipeline.url(Service.PUBLISH), adminToken);
        kafka = new KafkaWatch(stack.kafka().bootstrapServers(), stack.kafka().admin());
        register(kafka);
        pg = new Pg(stack.postgres().jdbcUrl("postgres"));
        register(pg);
        pgSettings = pg.settings();
        System.out.println("PostgreSQL settings: " + pgSettings);
        accounting = ProcessAccounting.watch(pipeline, stack, dataDir);
    }

    Api api() {
        return api;
    }

    KafkaWatch kafka() {
        return kafka;
    }

    Pg pg() {
        return pg;
    }

    String pgSettings() {
        return pgSettings;
    }

    ProcessAccounting accounting() {
        return accounting;
    }

    /** Kafka's ProducerPerformance on the same broker, its process stopped with the rest. */
    ProducerBaseline.Result runBaseline(int records, int recordSize) {
        return ProducerBaseline.run(stack.kafka(), paths.kafkaLib(), records, recordSize, logs(), p -> register(() -> p.stop(5)));
    }

    synchronized void register(AutoCloseable c) {
        toClose.add(c);
    }

    /** Stops every process this run started, newest first; returns any that survived. Idempotent. */
    synchronized List<String> stopAll() {
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
        List<ProcStats.Watched> watched = accounting == null ? List.of() : accounting.watched();
        List<String> left = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && watched.stream().anyMatch(BenchStack::aliveChild)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (ProcStats.Watched w : watched) {
            if (aliveChild(w)) {
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

    /** A watched process other than this one that is still running. */
    private static boolean aliveChild(ProcStats.Watched w) {
        return w.pid() != ProcessHandle.current().pid() && ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    static void deleteTree(Path dir) {
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
}
