package io.xxgk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** After the phases: reads both topics from the beginning and each phase school's catalogue, for the {@link DeliveryAudit}. */
final class DeliveryAuditor {

    private final Api api;
    private final KafkaWatch kafka;

    DeliveryAuditor(Api api, KafkaWatch kafka) {
        this.api = api;
        this.kafka = kafka;
    }

    DeliveryAudit audit(List<Phase> phases) {
        System.out.println();
        System.out.println("[audit] reading both topics from the beginning ...");
        Map<String, Long> lag = kafka.awaitQuiet(Duration.ofSeconds(60));
        HashSet<String> benchSchools = new HashSet<>(BenchSchools.ALL);
        KafkaWatch.Audit submitted = kafka.audit(KafkaWatch.SUBMITTED, benchSchools, Duration.ofSeconds(120));
        KafkaWatch.Audit classified = kafka.audit(KafkaWatch.CLASSIFIED, benchSchools, Duration.ofSeconds(120));
        List<DeliveryAudit.PhaseAudit> lines = new ArrayList<>();
        for (Phase p : phases) {
            long visibleNow = api.catalogueCount(p.school(), Items.CHECKLIST_ITEM) - p.countBefore();
            lines.add(DeliveryAudit.PhaseAudit.of(p.key(), p.school(), p.accepted(), visibleNow, p.ids(), submitted, classified));
        }
        System.out.printf(Locale.ROOT, "  %,d submitted and %,d classified events of the benchmark's schools; consumer lag %s%n",
                submitted.benchRecords, classified.benchRecords, lag);
        return new DeliveryAudit(lines, DeliveryAudit.averageEventBytes(submitted));
    }
}
