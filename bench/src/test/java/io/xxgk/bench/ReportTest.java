package io.xxgk.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    static Phase phase(String key, int accepted, double visibleAt, Map<String, Double> pgAtStart) {
        return new Phase(key, "中文", "english", "hnxx", accepted, accepted, 0, 0, 0, visibleAt / 2, visibleAt / 2, visibleAt / 2,
                visibleAt, accepted, 0, 0, 0, Map.of(), visibleAt, Set.of(), "note", Instant.EPOCH, Instant.EPOCH, pgAtStart, Map.of());
    }

    @Test
    void resultLineKeepsTheKeysAndFormatThatReadersParse() {
        Phase bulk = phase("bulk", 100_000, 195.0, Map.of());

        String line = Report.resultLine(bulk, 51_401.2, 56_123, 0, 0);

        assertEquals("RESULT pipeline_items_per_s=513 baseline_records_per_s=51401 ratio=0.0100 p99_ms=56123 lost=0 duplicated=0"
                + System.lineSeparator(), line);
    }

    @Test
    void theBestModeIsTheFastestThroughputPhaseNeverTheLatencyPhase() {
        List<Phase> phases = List.of(phase("single", 5_000, 42.4, Map.of()), phase("batch", 20_000, 63.1, Map.of()),
                phase("bulk", 100_000, 195.0, Map.of()), phase(Phase.LATENCY, 30_000, 10.0, Map.of()));

        assertEquals("bulk", Report.best(phases).key());
    }

    @Test
    void unmeasuredLatencyAndLossesShowInTheResultLine() {
        Phase single = phase("single", 10, 2.0, Map.of());

        String line = Report.resultLine(single, 1_000, -1, 2, 1);

        assertTrue(line.startsWith("RESULT pipeline_items_per_s=5 baseline_records_per_s=1000 ratio=0.0050 p99_ms=-1 lost=2 duplicated=1"),
                line);
    }

    @Test
    void postgresCountersAreDividedByEachPhasesAcceptedItemsUpToTheNextPhase() {
        Phase first = phase("single", 100, 10, Map.of("ingest.commits", 1_000.0, "wal.syncs", 10.0, "wal.bytes", 0.0, "wal.records", 0.0));
        Phase second = phase("bulk", 50, 10, Map.of("ingest.commits", 1_200.0, "wal.syncs", 60.0, "wal.bytes", 100_000.0, "wal.records", 300.0));
        Map<String, Double> end = Map.of("ingest.commits", 1_225.0, "wal.syncs", 61.0, "wal.bytes", 150_000.0, "wal.records", 400.0);

        String table = ProcessAccounting.postgresTable(List.of(first, second), end);

        List<String> lines = table.lines().toList();
        String singleIngest = lines.stream().filter(l -> l.startsWith(" single")).findFirst().orElseThrow();
        assertTrue(singleIngest.matches(" single\\s+ingest\\s+2\\.00\\s.*"), singleIngest); // 200 commits / 100 items
        String bulkIngest = lines.stream().filter(l -> l.startsWith(" bulk")).findFirst().orElseThrow();
        assertTrue(bulkIngest.matches(" bulk\\s+ingest\\s+0\\.50\\s.*"), bulkIngest); // 25 / 50
        List<String> wal = lines.stream().filter(l -> l.contains(" WAL ")).toList();
        assertEquals(2, wal.size());
        assertTrue(wal.get(0).contains("0.50 fsyncs") && wal.get(0).contains("1,000 bytes") && wal.get(0).contains("3.0 records"), wal.get(0));
        assertTrue(wal.get(1).contains("0.02 fsyncs") && wal.get(1).contains("1,000 bytes") && wal.get(1).contains("2.0 records"), wal.get(1));
    }
}
