package io.xxgk.bench;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What one measured phase did. Times are seconds from its first POST (-1: never reached). */
record Phase(String key, String zh, String en, String school, int items, int accepted, int rejected, int failed, int retries,
             double ingestDone, double relayed, double classified, double visibleAt, long visible, long countBefore,
             long outboxBacklog, long classifyBacklog, Map<String, Double> cpu, double wall, Set<String> ids, String note,
             Instant from, Instant to, Map<String, Double> pgAtStart, Map<String, String> pgActivity) {

    /** The key of the fixed-rate phase, which is reported apart from the throughput modes. */
    static final String LATENCY = "latency";

    double throughput() {
        return visibleAt > 0 ? accepted / visibleAt : -1;
    }

    double ingestRate() {
        return ingestDone > 0 ? accepted / ingestDone : -1;
    }

    boolean isLatency() {
        return key.equals(LATENCY);
    }
}
