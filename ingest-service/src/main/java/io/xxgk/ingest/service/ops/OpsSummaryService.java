package io.xxgk.ingest.service.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.ingest.event.OutboxLease;
import io.xxgk.ingest.repository.ImportJob;
import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What operators watch in ingest: the outbox backlog, parked events and the import jobs of every school. */
@ApplicationScoped
public class OpsSummaryService {

    public static final int MAX_IMPORTS = 500;

    private final OutboxLease lease;
    private final Clock clock;

    public OpsSummaryService(OutboxLease lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
    }

    /** The outbox as the relay sees it now. */
    public record OutboxState(long unsent, Instant oldestUnsentAt, long parked) {
    }

    public record Summary(long unsent, Instant oldestUnsentAt, long oldestUnsentAgeSeconds, long parked,
                          boolean relayActive, long importsInProgress, long importsFailed, Instant checkedAt) {
    }

    public record ImportOverview(java.util.UUID id, String schoolCode, String department, String fileName, String format,
                                 String status, Integer totalRows, int processed, int accepted, int rejected, int attempts,
                                 String error, Instant createdAt, Instant updatedAt, String statusUrl) {
    }

    public record ImportPage(long total, int offset, int limit, List<ImportOverview> imports) {
    }

    public OutboxState outbox() {
        return QuarkusTransaction.requiringNew().call(() -> new OutboxState(OutboxMessage.countUnsent(),
                OutboxMessage.oldestUnsentCreatedAt().orElse(null), OutboxMessage.countParked()));
    }

    public Summary summary() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant oldest = OutboxMessage.oldestUnsentCreatedAt().orElse(null);
            return new Summary(OutboxMessage.countUnsent(), oldest, ageSeconds(oldest, now), OutboxMessage.countParked(),
                    lease.held(), ImportJob.count("status in ?1", List.of(ImportJob.Status.QUEUED.name(), ImportJob.Status.RUNNING.name())),
                    ImportJob.count("status", ImportJob.Status.FAILED.name()), now);
        });
    }

    /** Import jobs of all schools and departments, newest first, with their progress and rejected-row counts. */
    public ImportPage imports(int offset, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> new ImportPage(ImportJob.count(), offset, limit,
                ImportJob.newestFirst(offset, Math.min(limit, MAX_IMPORTS)).stream().map(OpsSummaryService::overview).toList()));
    }

    static long ageSeconds(Instant oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }

    private static ImportOverview overview(ImportJob j) {
        // the row count of a file is known once it has been read to the end
        Integer total = ImportJob.Status.DONE.name().equals(j.status) ? j.totalRows : null;
        return new ImportOverview(j.id, j.schoolCode, j.department, j.fileName, j.format, j.status, total, j.processed,
                j.accepted, j.rejected, j.attempts, j.error, j.createdAt, j.updatedAt, "/api/v1/imports/" + j.id);
    }
}
