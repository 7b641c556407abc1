package io.xxgk.bench;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.Pipeline.Service;
import io.xxgk.stack.ServerProcess;
import io.xxgk.stack.ServiceJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the processes of the run cost: CPU seconds per process (and the rest of the machine), resident memory at the
 * end, and PostgreSQL's commits, rows and WAL per item; with their tables in the report.
 */
final class ProcessAccounting {

    private final List<ProcStats.Watched> watched;
    private final Pipeline pipeline;
    private final LocalStack stack;

    private ProcessAccounting(List<ProcStats.Watched> watched, Pipeline pipeline, LocalStack stack) {
        this.watched = watched;
        this.pipeline = pipeline;
        this.stack = stack;
    }

    /** The three services, the broker, S3Proxy, PostgreSQL with its backends (if its pid is known) and this process. */
    static ProcessAccounting watch(Pipeline pipeline, LocalStack stack, Path dataDir) {
        List<ProcStats.Watched> w = new ArrayList<>();
        w.add(new ProcStats.Watched("ingest", pipeline.process(Service.INGEST).pid(), false));
        w.add(new ProcStats.Watched("classify", pipeline.process(Service.CLASSIFY).pid(), false));
        w.add(new ProcStats.Watched("publish", pipeline.process(Service.PUBLISH).pid(), false));
        w.add(new ProcStats.Watched("kafka", stack.kafka().process().pid(), false));
        w.add(new ProcStats.Watched("s3proxy", stack.objectStore().process().pid(), false));
        long pgPid = postmasterPid(dataDir);
        if (pgPid > 0) {
            w.add(new ProcStats.Watched("postgres", pgPid, true));
        }
        w.add(new ProcStats.Watched("bench", ProcessHandle.current().pid(), false));
        return new ProcessAccounting(List.copyOf(w), pipeline, stack);
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    List<ProcStats.Watched> watched() {
        return watched;
    }

    /** CPU seconds used so far per watched process, plus "machine". */
    Map<String, Double> cpuSeconds() {
        return ProcStats.cpuSeconds(watched);
    }

    Map<Long, String> pidNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        watched.forEach(w -> m.put(w.pid(), w.name()));
        return m;
    }

    /** Resident memory now, KiB per process (-1: unknown). */
    Map<String, Long> memory() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            ServerProcess p = pipeline.process(s);
            m.put(s.module() + " (" + ServiceJvm.options(s.module()).get(0) + ")", p == null ? -1 : p.residentKib());
        }
        m.put("Kafka broker (-Xmx512m)", stack.kafka().process().residentKib());
        m.put("S3Proxy (-Xmx256m)", stack.objectStore().process().residentKib());
        watched.stream().filter(ProcStats.Watched::tree).findFirst()
                .ifPresent(w -> m.put("PostgreSQL (PSS, all its processes)", ProcStats.treePssKib(w.pid())));
        m.put("benchmark client (-Xmx768m)", ProcStats.statusKib(ProcessHandle.current().pid(), "VmRSS"));
        return m;
    }

    /** CPU seconds per process and phase; "others" = the machine's busy time less that of the watched processes. */
    String cpuTable(List<Phase> phases) {
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
        return c.render();
    }

    /** Per item of each phase: commits and rows per database, what the backends were busy with, WAL fsyncs and bytes. */
    static String postgresTable(List<Phase> phases, Map<String, Double> pgEnd) {
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
        return q.render();
    }

    static String memoryTable(Map<String, Long> memory) {
        Table m = new Table("进程 / process", "RSS");
        memory.forEach((k, v) -> m.row(k, Table.mib(v)));
        return m.render();
    }
}
