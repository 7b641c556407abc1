package io.xxgk.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/**
 * classify-service's sign-off API (一事一审, {@code /api/v1/sign-off}), as the {@code console} service account acting
 * for the signed-in reviewer, leader or admin ({@link ConsoleAuthHeaders}). The records mirror classify's answers;
 * fields the console does not show are ignored.
 */
@RegisterRestClient(configKey = "classify")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1/sign-off")
@Produces(MediaType.APPLICATION_JSON)
public interface SignOffClient {

    record ModeView(String schoolCode, String mode, boolean configuredDefault, String changedBy, Instant changedAt) {
    }

    record ModeRequest(String mode) {
    }

    record Reason(String code, String label, String labelEn) {
    }

    record QueueItem(String schoolCode, String itemId, int revision, String department, String title,
                     Integer checklistItem, Integer category, double confidence, List<String> holdReasons,
                     boolean personalData, String mode, String stage, int stepsTaken, Instant heldSince) {
    }

    record Suggestion(Integer checklistItem, String checklistText, Integer category, String categoryName,
                      double confidence, String explanation) {
    }

    record Copy(String title, String body) {
    }

    record Finding(String field, String kind, String label, int start, int end, int maskedStart, int maskedEnd) {
    }

    record Attachment(String objectKey, String fileName, String contentType, Long size) {
    }

    record Step(String stage, String action, String actor, String role, Instant at, String note,
                Integer checklistItemBefore, Integer checklistItemAfter, String withholdReason) {
    }

    record Detail(String schoolCode, String itemId, int revision, String department, String kind, String decision,
                  String mode, String status, String awaiting, Suggestion suggestion, List<String> holdReasons,
                  Copy original, Copy publicCopy, List<Finding> findings, List<Attachment> attachments,
                  List<Step> history, Instant classifiedAt) {
    }

    record DecisionRequest(String action, Integer checklistItem, String note, String withholdReason, String stage) {
    }

    record DecisionView(String schoolCode, String itemId, int revision, String decision, String status, String awaiting,
                        Integer checklistItem, Integer category) {
    }

    record BatchItem(String itemId, int revision) {
    }

    record BatchRequest(String schoolCode, String stage, double minConfidence, List<BatchItem> items, String note) {
    }

    record BatchResult(String itemId, int revision, String outcome, String reason) {
    }

    record BatchView(int approved, int skipped, List<BatchResult> results) {
    }

    @GET
    @Path("/modes/{schoolCode}")
    ModeView mode(@PathParam("schoolCode") String schoolCode);

    @PUT
    @Path("/modes/{schoolCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    ModeView setMode(@PathParam("schoolCode") String schoolCode, ModeRequest request);

    @GET
    @Path("/withhold-reasons")
    List<Reason> withholdReasons();

    @GET
    @Path("/queue")
    List<QueueItem> queue(@QueryParam("schoolCode") String schoolCode, @QueryParam("stage") String stage,
                          @QueryParam("limit") Integer limit);

    @GET
    @Path("/items/{schoolCode}/{itemId}/{revision}")
    Detail detail(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                  @PathParam("revision") int revision);

    @POST
    @Path("/items/{schoolCode}/{itemId}/{revision}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    DecisionView decide(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                        @PathParam("revision") int revision, DecisionRequest request);

    @POST
    @Path("/batch-approve")
    @Consumes(MediaType.APPLICATION_JSON)
    BatchView batchApprove(BatchRequest request);
}
