package io.xxgk.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scale knobs, from the environment ({@code BENCH_SINGLE=5000}) or from {@code --single=5000} arguments, which win.
 * The defaults fit in the 10-minute budget on a 2-core machine.
 */
record BenchConfig(
        int single, int singleConcurrency,
        int batch, int batchSize, int batchConcurrency,
        int bulk,
        int warmup,
        int latencySeconds, int latencyRate, int latencySampleEvery, int latencyPollMillis, int latencyPollThreads,
        int latencyMaxInFlight,
        int baselineRecords,
        int stallSeconds, int timeoutSeconds,
        Path dataRoot, boolean keepData, Path profileDir) {

    static BenchConfig load(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        System.getenv().forEach((k, val) -> {
            if (k.startsWith("BENCH_")) {
                v.put(k.substring(6).toLowerCase(Locale.ROOT), val);
            }
        });
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                String k = a.substring(2, a.indexOf('=')).replace('-', '_').toLowerCase(Locale.ROOT);
                v.put(k, a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + a + " (use --name=value, e.g. --single=5000)");
            }
        }
        String profile = v.get("profile_dir");
        return new BenchConfig(
                i(v, "single", 5000), i(v, "single_concurrency", 16),
                i(v, "batch", 20000), i(v, "batch_size", 500), i(v, "batch_concurrency", 2),
                i(v, "bulk", 100_000),
                i(v, "warmup", 1000),
                i(v, "latency_seconds", 30), i(v, "latency_rate", 1000), i(v, "latency_sample_every", 10),
                i(v, "latency_poll_ms", 20), i(v, "latency_poll_threads", 4), i(v, "latency_max_inflight", 512),
                i(v, "baseline_records", 200_000),
                i(v, "stall_seconds", 90), i(v, "timeout_seconds", 1800),
                Path.of(v.getOrDefault("data_root", ".bench")).toAbsolutePath().normalize(),
                Boolean.parseBoolean(v.getOrDefault("keep_data", "false")),
                profile == null || profile.isBlank() ? null : Path.of(profile).toAbsolutePath().normalize());
    }

    private static int i(Map<String, String> v, String name, int def) {
        String s = v.get(name);
        if (s == null || s.isBlank()) {
            return def;
        }
        try {
            int n = Integer.parseInt(s.strip().replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BENCH_" + name.toUpperCase(Locale.ROOT) + " must be a non-negative integer, not '" + s + "'");
        }
    }

    String describe() {
        return "single=" + single + " (concurrency " + singleConcurrency + "), batch=" + batch + " (" + batchSize + "/request, concurrency "
                + batchConcurrency + "), bulk=" + bulk + ", warmup=" + warmup + ", latency=" + latencySeconds + " s at " + latencyRate
                + "/s (1 in " + latencySampleEvery + " sampled, polled every " + latencyPollMillis + " ms), baseline=" + baselineRecords
                + " records";
    }
}
