package io.xxgk.bench;

/**
 * What the fixed-rate phase measured: how close the sends came to the offered rate, and latencies in milliseconds,
 * POST → visible of the sampled items ({@code e2eMs}) and POST → 202 of every item ({@code ackMs}).
 */
record LatencyResult(Phase phase, int offered, double offeredRate, double achievedRate, long lateSends, double maxLagMs,
                     LatencyRecorder e2eMs, int samples, long polls, double pollSeconds, LatencyRecorder ackMs) {

    long pct(double q) {
        return e2eMs.percentile(q);
    }

    /** Samples that never became visible (the wait gave up). */
    long unresolved() {
        return samples - e2eMs.count();
    }

    /** At least 98 % of the offered rate, and at most 1 % of the sends more than 10 ms late. */
    boolean sustained() {
        return achievedRate >= offeredRate * 0.98 && lateSends <= offered / 100;
    }
}
