package io.xxgk.console.service;

import io.xxgk.console.client.ClassifyOpsClient;
import io.xxgk.console.client.IngestOpsClient;
import io.xxgk.console.kafka.ConsumerLag;
import io.xxgk.console.kafka.KafkaUnavailableException;
import io.xxgk.contract.Topics;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an operator watches, each part from its owner: consumer lag and the dead-letter count from Kafka, the outbox
 * and the imports from ingest, the review queue from classify. A part whose source is down is named as unavailable;
 * the others are still shown.
 */
@ApplicationScoped
public class OperationsService {

    private static final Logger LOG = Logger.getLogger(OperationsService.class);
    public static final int IMPORTS_SHOWN = 50;

    public record HeldRow(String schoolCode, String schoolName, long held, Instant oldestHeldSince) {
    }

    public record Overview(List<ConsumerLag.GroupLag> groups, long totalLag, Long deadLettered,
                           IngestOpsClient.OpsSummary outbox, Long held, List<HeldRow> heldBySchool,
                           IngestOpsClient.ImportPage imports, List<String> unavailable, Instant checkedAt) {
    }

    private final ConsumerLag lag;
    private final IngestOpsClient ingest;
    private final ClassifyOpsClient classify;
    private final ServiceCalls calls;
    private final SchoolDirectory schools;

    public OperationsService(ConsumerLag lag, @RestClient IngestOpsClient ingest, @RestClient ClassifyOpsClient classify,
                             ServiceCalls calls, SchoolDirectory schools) {
        this.lag = lag;
        this.ingest = ingest;
        this.classify = classify;
        this.calls = calls;
        this.schools = schools;
    }

    public Overview overview() {
        List<String> unavailable = new ArrayList<>();
        List<ConsumerLag.GroupLag> groups = List.of();
        Long deadLettered = null;
        try {
            groups = lag.groups();
            deadLettered = lag.recordsIn(Topics.DEAD_LETTER);
        } catch (KafkaUnavailableException e) {
            LOG.warnf("Kafka: %s", e.getMessage());
            unavailable.add("Kafka 暂不可用（消费延迟、死信数）/ Kafka is unavailable (lag, dead letters)");
        }
        IngestOpsClient.OpsSummary outbox = null;
        IngestOpsClient.ImportPage imports = null;
        try {
            outbox = calls.call("ingest-service", ingest::summary);
            imports = calls.call("ingest-service", () -> ingest.imports(0, IMPORTS_SHOWN));
        } catch (ProblemException e) {
            unavailable.add(e.problem().title() + "（发件箱、导入任务）/ outbox, imports");
        }
        Long held = null;
        List<HeldRow> heldRows = List.of();
        try {
            ClassifyOpsClient.ReviewSummary review = calls.call("classify-service", classify::summary);
            held = review.held();
            heldRows = review.schools() == null ? List.of() : review.schools().stream()
                    .map(h -> new HeldRow(h.schoolCode(), schools.find(h.schoolCode()).map(s -> s.name()).orElse(h.schoolCode()),
                            h.held(), h.oldestHeldSince())).toList();
        } catch (ProblemException e) {
            unavailable.add(e.problem().title() + "（待审核队列）/ review queue");
        }
        return new Overview(groups, groups.stream().mapToLong(ConsumerLag.GroupLag::totalLag).sum(), deadLettered, outbox,
                held, heldRows, imports, unavailable, Instant.now());
    }

    /** One import job with its rejected rows (ingest's per-row results). */
    public IngestOpsClient.ImportView rejectedRows(UUID importId) {
        return calls.call("ingest-service", () -> ingest.rejectedRows(importId, true, 0, 1000));
    }
}
