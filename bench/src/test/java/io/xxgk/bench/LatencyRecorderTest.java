package io.xxgk.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecorderTest {

    @Test
    void nothingRecordedReadsAsUnknown() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(-1); // not measured
        assertEquals(0, r.count());
        assertEquals(-1, r.percentile(0.5));
        assertEquals(-1, r.percentile(0.99));
        assertEquals(-1, r.max());
    }

    @Test
    void nearestRankPercentilesOfOneToAThousandRecordedFromFourThreads() throws Exception {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 1000; v++) {
            values.add(v);
        }
        Collections.shuffle(values, new Random(7));
        LatencyRecorder r = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Long> quarter = values.subList(t * 250, (t + 1) * 250);
                done.add(pool.submit(() -> quarter.forEach(r::record)));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1000, r.count());
        assertEquals(500, r.percentile(0.50));
        assertEquals(950, r.percentile(0.95));
        assertEquals(990, r.percentile(0.99));
        assertEquals(1, r.percentile(0.0001));
        assertEquals(1000, r.percentile(1.0));
        assertEquals(1000, r.max());
    }

    @Test
    void agreesWithTheSortedArrayWithinAThousandthOnALongTailedDistribution() {
        Random random = new Random(42);
        long[] ms = new long[20_000];
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < ms.length; i++) {
            // mostly tens of milliseconds, a tail of tens of seconds (a pipeline falling behind)
            ms[i] = i % 50 == 0 ? 20_000 + random.nextInt(40_000) : (long) (-40 * Math.log(1 - random.nextDouble()));
            r.record(ms[i]);
        }
        Arrays.sort(ms);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = ms[(int) Math.ceil(q * ms.length) - 1];
            long got = r.percentile(q);
            assertTrue(Math.abs(got - exact) <= Math.max(1, exact / 1000), "p" + q * 100 + ": " + got + " vs exact " + exact);
        }
        long max = ms[ms.length - 1];
        assertTrue(r.max() >= max && r.max() - max <= max / 1000, "max " + r.max() + " vs " + max);
    }
}
