package io.xxgk.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options of each service, from what Native Memory Tracking ({@code -XX:NativeMemoryTracking=summary}, then
 * {@code jcmd <pid> VM.native_memory summary}; {@code XXGK_SERVICE_JVM_OPTIONS} passes the flag) showed after a load of
 * 12,000 items (issue 13, item 4). About 200 MiB of a Quarkus JVM is not heap and does not shrink with it: metaspace
 * 85-115 MiB (the classes it loads), code cache 30-50 MiB, symbols ~22 MiB, the class-data archive 12 MiB, thread stacks,
 * GC and direct buffers a few MiB each, and glibc's malloc arenas (the resident size exceeded NMT's total by 55-85 MiB).
 * The live heap after the load was 36-50 MiB. So the heap is what there is to size: each gets what its live data needs with
 * room (ingest parses uploaded registers, classify reads the text of office attachments, publish answers catalogue reads), and the serial collector, whose overhead is
 * the smallest and which gives memory back after a full collection. The other limits are bounds, not targets: a leak
 * fails the service (and the supervisor restarts it) instead of growing it. The same values are in
 * docker-compose.yml and deploy/ (JAVA_OPTS_APPEND, read by the image's run-java.sh).
 */
public final class ServiceJvm {

    /** Largest heap by module; a module not listed gets {@link #DEFAULT_HEAP}. */
    static final Map<String, String> HEAP = Map.of(
            "ingest-service", "192m",
            "classify-service", "192m",
            "publish-service", "160m",
            "console", "128m");
    static final String DEFAULT_HEAP = "192m";

    /** The options every service shares. */
    static final List<String> COMMON = List.of("-Xms32m", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m", "-XX:MaxDirectMemorySize=64m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=40", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Environment of a service's process: at most two malloc arenas (glibc makes up to 8 per core, each holding freed
     * memory; NMT does not see them but the resident size does).
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private ServiceJvm() {
    }

    /** -Xmx and the shared options, then {@code XXGK_SERVICE_JVM_OPTIONS} (space-separated, e.g. for NMT). */
    public static List<String> options(String module) {
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + HEAP.getOrDefault(module, DEFAULT_HEAP));
        jvm.addAll(COMMON);
        String extra = System.getenv("XXGK_SERVICE_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.strip().split("\\s+")));
        }
        return jvm;
    }
}
