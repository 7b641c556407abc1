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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * publish-service's annual report workflow ({@code /api/v1/console/schools/{school}/annual-reports/{year}}), as the
 * {@code console} service account acting for the signed-in person ({@link ConsoleAuthHeaders}): publish decides who may
 * fill, freeze, approve (leaders) and record the submission, and records who did.
 */
@RegisterRestClient(configKey = "publish")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1/console/schools/{school}/annual-reports")
public interface AnnualReportClient {

    String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record View(String schoolCode, String schoolName, int year, String periodLabel, String state, String stateLabel,
                List<ProseField> prose, List<String> unfilled, List<String> allowedActions,
                Step frozen, Step approved, Submission submission, List<HistoryEntry> history) {
    }

    record ProseField(String key, String label, String labelEn, String hint, boolean asked, String value) {
    }

    record Step(String actor, String role, String roleLabel, Instant at) {
    }

    record Submission(LocalDate submittedOn, String method, String methodLabel, String reference, String note,
                      String recordedBy, String recordedRole, Instant recordedAt) {
    }

    record HistoryEntry(String action, String actionLabel, String actor, String role, String roleLabel, Instant at, String detail) {
    }

    /** The prose only: the year-end figures are recorded through {@link YearEndFiguresClient}, their one source. */
    record Content(Map<String, String> prose) {
    }

    record Note(String note) {
    }

    record SubmissionRequest(String submittedOn, String method, String reference, String note) {
    }

    @GET
    @Path("/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    View view(@PathParam("school") String school, @PathParam("year") int year);

    @PUT
    @Path("/{year}/content")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    View fill(@PathParam("school") String school, @PathParam("year") int year, Content content);

    @POST
    @Path("/{year}/freeze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    View freeze(@PathParam("school") String school, @PathParam("year") int year, Note note);

    @POST
    @Path("/{year}/unfreeze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    View unfreeze(@PathParam("school") String school, @PathParam("year") int year, Note reason);

    @POST
    @Path("/{year}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    View approve(@PathParam("school") String school, @PathParam("year") int year, Note note);

    @POST
    @Path("/{year}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    View submission(@PathParam("school") String school, @PathParam("year") int year, SubmissionRequest submission);

    /** The draft with what was filled in, or the frozen version: HTML or DOCX. */
    @GET
    @Path("/{year}/preview")
    @Produces({MediaType.TEXT_HTML, DOCX, "application/problem+json"})
    Response preview(@PathParam("school") String school, @PathParam("year") int year, @QueryParam("format") String format);

    /** The frozen or approved version (409 for a draft): HTML or DOCX. */
    @GET
    @Path("/{year}/document")
    @Produces({MediaType.TEXT_HTML, DOCX, "application/problem+json"})
    Response document(@PathParam("school") String school, @PathParam("year") int year, @QueryParam("format") String format);
}
