package io.xxgk.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** ingest-service's operations endpoints (outbox, imports), with ingest's admin token ({@link IngestAdminHeaders}). */
@RegisterRestClient(configKey = "ingest")
@RegisterClientHeaders(IngestAdminHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestOpsClient {

    record OpsSummary(long unsent, Instant oldestUnsentAt, long oldestUnsentAgeSeconds, long parked, boolean relayActive,
                      long importsInProgress, long importsFailed, Instant checkedAt) {
    }

    record ImportOverview(UUID id, String schoolCode, String department, String fileName, String format, String status,
                          Integer totalRows, int processed, int accepted, int rejected, int attempts, String error,
                          Instant createdAt, Instant updatedAt, String statusUrl) {
    }

    record ImportPage(long total, int offset, int limit, List<ImportOverview> imports) {
    }

    record FieldError(String field, String code, String message, String messageZh) {
    }

    record RowProblem(String title, String detail, List<FieldError> errors) {
    }

    record RowView(int row, String id, int status, RowProblem problem) {
    }

    record ImportView(UUID id, String status, String fileName, int processed, int accepted, int rejected, Integer totalRows,
                      String error, Instant createdAt, Instant updatedAt, List<RowView> rows) {
    }

    @GET
    @Path("/admin/ops/summary")
    OpsSummary summary();

    @GET
    @Path("/admin/imports")
    ImportPage imports(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    /** One import with its rejected rows. */
    @GET
    @Path("/imports/{id}")
    ImportView rejectedRows(@PathParam("id") UUID id, @QueryParam("onlyRejected") boolean onlyRejected,
                            @QueryParam("offset") int offset, @QueryParam("limit") int limit);
}
