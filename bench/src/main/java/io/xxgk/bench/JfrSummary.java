package io.xxgk.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the CPU goes, from the JFR recordings that {@code BENCH_PROFILE=true bench/run.sh} makes of every JVM
 * (JAVA_TOOL_OPTIONS=-XX:StartFlightRecording...): execution samples inside the measured phases only, grouped by
 * thread, by library (inclusive: a sample counts for every library on its stack) and by top frame.
 * Also runnable on its own: {@code java -cp ... io.xxgk.bench.JfrSummary <dir> [pid=name ...]}.
 */
final class JfrSummary {

    private static final Pattern PID = Pattern.compile("pid-(\\d+)");

    /** Libraries and components, matched on the class name of any frame of a sample. First label wins per frame. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("HTTP server (Vert.x/Netty)", List.of("io.vertx.", "io.netty."));
        LAYERS.put("REST (Quarkus REST)", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        LAYERS.put("security (API key lookup)", List.of("io.xxgk.ingest.security.", "io.quarkus.security."));
        LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        LAYERS.put("Hibernate ORM", List.of("org.hibernate."));
        LAYERS.put("transactions (Narayana)", List.of("com.arjuna.", "io.quarkus.narayana."));
        LAYERS.put("connection pool (Agroal)", List.of("io.agroal."));
        LAYERS.put("PostgreSQL JDBC", List.of("org.postgresql."));
        LAYERS.put("Kafka client", List.of("org.apache.kafka.clients.", "org.apache.kafka.common."));
        LAYERS.put("Reactive Messaging", List.of("io.smallrye.reactive.messaging."));
        LAYERS.put("classifier model", List.of("io.xxgk.classify.model.", "org.apache.lucene.", "opennlp."));
        LAYERS.put("personal-data screening", List.of("io.xxgk.classify.screening."));
        LAYERS.put("validation", List.of("io.xxgk.ingest.service.ItemValidator"));
        LAYERS.put("CSV/XLSX reading", List.of("org.apache.commons.csv.", "io.xxgk.ingest.service.imports."));
        LAYERS.put("metrics (Micrometer)", List.of("io.micrometer."));
        LAYERS.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        LAYERS.put("broker: log append/read", List.of("kafka.log.", "org.apache.kafka.storage."));
        LAYERS.put("broker: network", List.of("kafka.network.", "org.apache.kafka.network.", "org.apache.kafka.common.network."));
        LAYERS.put("broker: request handlers", List.of("kafka.server.", "org.apache.kafka.server."));
        LAYERS.put("broker: replication/raft", List.of("org.apache.kafka.raft.", "kafka.raft.", "org.apache.kafka.metadata."));
    }

    private JfrSummary() {
    }

    /** A named time window (a measured phase). */
    record Window(String name, Instant from, Instant to) {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: JfrSummary <dir with .jfr files> [pid=name ...]");
            System.exit(2);
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            names.put(Long.parseLong(kv[0]), kv[1]);
        }
        System.out.print(analyse(Path.of(args[0]), names, Instant.MIN, Instant.MAX, List.of()));
    }

    static String analyse(Path dir, Map<Long, String> pidNames, Instant from, Instant to, List<Window> windows) {
        StringBuilder sb = new StringBuilder();
        sb.append("剖析 / profile: JFR execution samples during the measured phases (").append(dir).append(")\n");
        sb.append("  burned in = first known library from the top of the stack (JDK frames count for their caller);\n");
        sb.append("  on stack = inclusive (a sample counts for every library on its stack; Vert.x and Reactive Messaging carry the\n");
        sb.append("  worker threads, so they are on most stacks)\n");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        } catch (IOException e) {
            return sb.append("  no recordings: ").append(e.getMessage()).append('\n').toString();
        }
        for (Path f : files) {
            Matcher m = PID.matcher(f.getFileName().toString());
            long pid = m.find() ? Long.parseLong(m.group(1)) : -1;
            String name = pidNames.isEmpty() ? f.getFileName().toString() : pidNames.get(pid);
            if (name == null || name.equals("bench")) {
                continue;
            }
            try {
                sb.append(summarise(name, f, from, to, true));
                if (List.of("ingest", "classify", "publish", "kafka").contains(name)) {
                    for (Window w : windows) {
                        sb.append(summarise(name + " during " + w.name(), f, w.from(), w.to(), false));
                    }
                }
            } catch (IOException | RuntimeException e) {
                sb.append("  [").append(name).append("] unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String summarise(String name, Path file, Instant from, Instant to, boolean full) throws IOException {
        long samples = 0;
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> selfLayers = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> appFrames = new HashMap<>();
        Duration gc = Duration.ZERO;
        double cpuSum = 0;
        int cpuN = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                Instant t = e.getStartTime();
                if (t.isBefore(from) || t.isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedThread th = e.getThread("sampledThread");
                        threads.merge(threadGroup(th == null ? "?" : th.getJavaName()), 1L, Long::sum);
                        RecordedStackTrace st = e.getStackTrace();
                        if (st == null || st.getFrames().isEmpty()) {
                            continue;
                        }
                        List<RecordedFrame> frames = st.getFrames();
                        top.merge(frame(frames.get(0)), 1L, Long::sum);
                        Set<String> seen = new HashSet<>();
                        String app = null;
                        String self = null;
                        for (RecordedFrame fr : frames) {
                            String cls = fr.getMethod().getType().getName();
                            String layer = layer(cls);
                            if (layer != null) {
                                seen.add(layer);
                            }
                            if (self == null) {
                                self = layer != null ? layer : cls.startsWith("io.xxgk.") ? "own code (io.xxgk)" : null;
                            }
                            if (app == null && cls.startsWith("io.xxgk.")) {
                                app = frame(fr);
                            }
                        }
                        seen.forEach(l -> layers.merge(l, 1L, Long::sum));
                        selfLayers.merge(self == null ? "JDK/other" : self, 1L, Long::sum);
                        if (app != null) {
                            appFrames.merge(app, 1L, Long::sum);
                        }
                    }
                    case "jdk.GarbageCollection" -> gc = gc.plus(e.getDuration());
                    case "jdk.CPULoad" -> {
                        cpuSum += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        cpuN++;
                    }
                    default -> {
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  [%s] %,d CPU samples; GC pauses %.2f s; JVM CPU %.0f%% of the machine on average%n",
                name, samples, gc.toMillis() / 1000.0, cpuN == 0 ? 0 : 100 * cpuSum / cpuN));
        if (samples == 0) {
            return sb.toString();
        }
        if (!full) {
            sb.append("    burned in: ").append(topN(selfLayers, samples, 8)).append('\n');
            sb.append("    own code:  ").append(topN(appFrames, samples, 5)).append('\n');
            return sb.toString();
        }
        sb.append("    threads:   ").append(topN(threads, samples, 6)).append('\n');
        sb.append("    burned in: ").append(topN(selfLayers, samples, 10)).append('\n');
        sb.append("    on stack:  ").append(topN(layers, samples, 12)).append('\n');
        sb.append("    own code:  ").append(topN(appFrames, samples, 6)).append('\n');
        sb.append("    top frame: ").append(topN(top, samples, 6)).append('\n');
        return sb.toString();
    }

    private static String layer(String cls) {
        for (var e : LAYERS.entrySet()) {
            for (String prefix : e.getValue()) {
                if (cls.startsWith(prefix)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static String frame(RecordedFrame f) {
        String cls = f.getMethod().getType().getName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String threadGroup(String name) {
        return name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-N-");
    }

    private static String topN(Map<String, Long> counts, long total, int n) {
        StringBuilder sb = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).forEach(e -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / total));
        });
        return sb.toString();
    }
}
