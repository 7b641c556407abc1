package io.xxgk.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency values of one measurement and their percentiles, with HdrHistogram: recorded from any number of threads,
 * three significant digits (values below 2,048 are exact; above, within 0.1 %). The unit is the caller's (the
 * pipeline benchmark records milliseconds, the read benchmark microseconds). Percentiles are nearest-rank: the
 * smallest recorded value with at least that share of the values at or below it.
 */
final class LatencyRecorder {

    private final Histogram histogram = new ConcurrentHistogram(3); // auto-resizing: no highest value to guess

    /** Records one value; negative values (not measured) are ignored. */
    void record(long value) {
        if (value >= 0) {
            histogram.recordValue(value);
        }
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at quantile {@code q} (0.99 = p99), or -1 if nothing was recorded. */
    long percentile(double q) {
        return count() == 0 ? -1 : histogram.getValueAtPercentile(q * 100);
    }

    /** The largest value, or -1 if nothing was recorded. */
    long max() {
        return count() == 0 ? -1 : histogram.getMaxValue();
    }
}
