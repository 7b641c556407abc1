package io.xxgk.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed results: throughput per mode, latency at the fixed rate, the Kafka baseline, CPU, PostgreSQL and memory,
 * lost and duplicated items, and the closing {@code RESULT ...} line that bench/run.sh's readers parse.
 */
record Report(BenchConfig cfg, String pgSettings, List<Phase> phases, LatencyResult latency, DeliveryAudit audit,
              ProducerBaseline.Result baseline, Map<String, Double> baselineCpu, ProcessAccounting accounting,
              Map<String, Long> memory, List<String> leftovers, String profile, double minutes, Map<String, Double> pgEnd) {

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores (%s), %.1f GiB RAM, %s %s, Java %s (%s), load average at start %s",
                Runtime.getRuntime().availableProcessors(), ProcStats.cpuModel(), ProcStats.memTotalKib() / 1048576.0,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), ProcStats.loadAverage());
    }

    /** The throughput mode with the most items per second end to end. */
    static Phase best(List<Phase> phases) {
        return phases.stream().filter(p -> !p.isLatency()).max(Comparator.comparingDouble(Phase::throughput)).orElseThrow();
    }

    static String resultLine(Phase best, double baselinePerSec, long p99Ms, long lost, long duplicated) {
        return String.format(Locale.ROOT, "RESULT pipeline_items_per_s=%.0f baseline_records_per_s=%.0f ratio=%.4f p99_ms=%d lost=%d duplicated=%d%n",
                best.throughput(), baselinePerSec, best.throughput() / baselinePerSec, p99Ms, lost, duplicated);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n==================== 结果 / results ====================\n");
        out.append(machine()).append('\n');
        out.append(String.format(Locale.ROOT, "code: %s; run took %.1f min; load average now %s%n",
                System.getenv().getOrDefault("BENCH_GIT", "?"), minutes, ProcStats.loadAverage()));
        out.append("PostgreSQL (as ./run.sh starts it): ").append(pgSettings).append("\n\n");
        appendThroughput(out);
        appendLatency(out);
        appendBaseline(out);

        out.append("\nCPU 时间 / CPU seconds per process and phase (cores used = CPU s / wall s; 'others' = rest of the machine)\n");
        out.append(accounting.cpuTable(phases));
        out.append("\nPostgreSQL 每条 / per item and phase (pg_stat_database, pg_stat_wal; statistics are flushed with up to a few seconds' delay)\n");
        out.append(ProcessAccounting.postgresTable(phases, pgEnd));
        out.append("\n常驻内存 / resident memory at the end (ServerProcess.residentKib() = VmRSS; PostgreSQL as PSS summed over its processes)\n");
        out.append(ProcessAccounting.memoryTable(memory));

        appendLostAndDuplicated(out);
        out.append(leftovers.isEmpty() ? "\n进程 / processes: every process the benchmark started has been stopped.\n"
                : "\n进程 / processes: had to force-stop " + leftovers + "\n");
        if (profile != null) {
            out.append('\n').append(profile);
        }

        Phase best = best(phases);
        out.append(String.format(Locale.ROOT, "%npipeline_items_per_s = the best end-to-end mode (%s); p99_ms = sampled POST → visible at %,d/s offered.%n",
                best.key(), cfg.latencyRate()));
        out.append(resultLine(best, baseline.recordsPerSec(), latency.pct(0.99), audit.lost(), audit.duplicated()));
        return out.toString();
    }

    private void appendThroughput(StringBuilder out) {
        out.append("端到端吞吐量 / end-to-end throughput (first POST → last item visible in the catalogue, entryCount of item 18)\n");
        Table t = new Table("模式 / mode", "条数 items", "已受理 accepted", "受理完成 ingest done s", "已入Kafka relayed s",
                "已分类 classified s", "可见 visible s", "条/秒 items/s", "对基线 vs baseline");
        for (Phase p : phases) {
            if (p.isLatency()) {
                continue;
            }
            t.row(p.zh() + " / " + p.en(), Table.f0(p.items()), Table.f0(p.accepted()), Table.f1(p.ingestDone()), Table.f1(p.relayed()),
                    Table.f1(p.classified()), Table.f1(p.visibleAt()), Table.f0(p.throughput()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * p.throughput() / baseline.recordsPerSec()));
        }
        out.append(t.render());
        out.append(" (受理完成 = last 202 answer / import DONE; relayed = all events on disclosure.items.submitted.v1; classified = all on\n"
                + "  disclosure.items.classified.v1; visible = catalogue entryCount reached the accepted count; all from the first POST)\n");
        for (Phase p : phases) {
            if (!p.isLatency()) {
                out.append(String.format(Locale.ROOT, "  %-7s %s; ingest %,.0f items/s; largest backlog: outbox %,d, classify %,d%s%n",
                        p.key(), p.note(), p.ingestRate(), p.outboxBacklog(), p.classifyBacklog(),
                        p.retries() > 0 ? "; " + p.retries() + " retried requests" : ""));
            }
        }
    }

    private void appendLatency(StringBuilder out) {
        LatencyResult lat = latency;
        out.append(String.format(Locale.ROOT, "%n端到端延迟 / end-to-end latency, POST → visible (GET /items/{id} = 200), offered %,d items/s for %d s, open model%n",
                cfg.latencyRate(), cfg.latencySeconds()));
        Table l = new Table("指标 / metric", "值 value");
        l.row("提供负载 / offered load", String.format(Locale.ROOT, "%,d items/s (%,d items)", cfg.latencyRate(), lat.offered()));
        l.row("实际发送 / actually sent", String.format(Locale.ROOT, "%,.0f items/s, %s", lat.achievedRate(),
                lat.sustained() ? "sustained 已维持" : "NOT sustained 未能维持 (" + lat.lateSends() + " sends >10 ms late, max lag "
                        + Table.f0(lat.maxLagMs()) + " ms)"));
        l.row("抽样 / sample", String.format(Locale.ROOT, "every %d-th item: %,d samples, %,d unresolved; oldest %d pending polled every %d ms (%,d polls, %,.0f/s)",
                cfg.latencySampleEvery(), lat.e2eMs().count(), lat.unresolved(), SamplePoller.POLL_WINDOW, cfg.latencyPollMillis(), lat.polls(),
                lat.polls() / Math.max(1e-9, lat.pollSeconds())));
        l.row("p50", lat.pct(0.50) + " ms");
        l.row("p99", lat.pct(0.99) + " ms");
        l.row("max", lat.e2eMs().max() + " ms");
        l.row("受理应答 / POST → 202 (all items) p50 / p99 / max", String.format(Locale.ROOT, "%d / %d / %d ms", lat.ackMs().percentile(0.5),
                lat.ackMs().percentile(0.99), lat.ackMs().max()));
        l.row("该阶段吞吐 / phase throughput", String.format(Locale.ROOT, "%,.0f items/s end to end (all visible %.1f s after the first POST)",
                lat.phase().throughput(), lat.phase().visibleAt()));
        out.append(l.render());
    }

    private void appendBaseline(StringBuilder out) {
        out.append("\n基线 / baseline: Kafka ProducerPerformance (kafka-tools 4.3.1), same broker, same machine, same run\n");
        Table b = new Table("指标 / metric", "值 value");
        b.row("记录 / records", String.format(Locale.ROOT, "%,d × %d bytes (= average ItemSubmitted event, measured on the topic)",
                baseline.records(), Math.round(audit.avgEventBytes())));
        b.row("设置 / settings", "acks=all, --throughput -1, topic bench-perf with 6 partitions");
        b.row("吞吐 / throughput", String.format(Locale.ROOT, "%,.0f records/s (%.2f MB/s)", baseline.recordsPerSec(), baseline.mbPerSec()));
        b.row("延迟 / latency avg, max", String.format(Locale.ROOT, "%.1f ms, %.0f ms", baseline.avgLatencyMs(), baseline.maxLatencyMs()));
        b.row("kafka CPU during baseline", Table.f1(baselineCpu.getOrDefault("kafka", -1.0)) + " s");
        out.append(b.render());
    }

    private void appendLostAndDuplicated(StringBuilder out) {
        out.append("\n丢失与重复 / lost and duplicated (must be 0)\n");
        Table d = new Table("阶段 / phase", "accepted 已受理", "visible 可见", "lost 丢失", "duplicated 重复", "missing on topic",
                "re-sent to Kafka", "redelivered (deduplicated)", "not PUBLISH");
        for (DeliveryAudit.PhaseAudit a : audit.phases()) {
            d.row(a.cells());
        }
        out.append(d.render());
        out.append(String.format(Locale.ROOT, " (re-sent = same id more than once on the submitted topic; redelivered = more than once on the classified\n"
                + "  topic, i.e. delivered to publish-service more than once and stored once; neither is a duplicate in the catalogue)%n"));
    }
}
