package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.ReviewService;
import io.xxgk.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Map;

/**
 * {@code /review}: the sign-off queue (一事一审) of the signed-in person's school and stage, batch approval, and one
 * revision's review with its decision forms and history. Forms post and redirect; a refusal is shown on the page.
 */
@Path("/review")
@RolesAllowed({ConsoleRole.REVIEWER_NAME, ConsoleRole.LEADER_NAME})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    private static final Map<String, String> DONE = Map.of(
            "APPROVE", "已同意 / approved",
            "CORRECT", "已更正清单事项并同意 / corrected and approved",
            "RETURN", "已退回部门 / returned to the department",
            "WITHHOLD", "已决定不予公开 / withheld");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ConsoleUser user, ReviewService.Queue queue, List<ReviewService.BatchRow> batch,
                                             Refusal refusal);

        static native TemplateInstance review(ConsoleUser user, ReviewService.Review review, String done, String status,
                                              Refusal refusal, ReviewService.DecisionForm form);
    }

    private final CurrentUser current;
    private final ReviewService reviews;

    public ReviewResource(CurrentUser current, ReviewService reviews) {
        this.current = current;
        this.reviews = reviews;
    }

    @GET
    public Response queue() {
        return queuePage(200, null, null);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response batch(@FormParam("item") List<String> items) {
        ConsoleUser user = current.get();
        try {
            List<ReviewService.BatchRow> results = reviews.batchApprove(user, items);
            // the per-item results are this answer; a reload shows the queue without them
            return queuePage(200, results, null);
        } catch (ProblemException e) {
            return queuePage(e.status(), null, Refusal.of(e));
        }
    }

    @GET
    @Path("/{school}/{itemId}/{revision}")
    public Response review(@PathParam("school") String school, @PathParam("itemId") String itemId,
                           @PathParam("revision") int revision, @QueryParam("done") String done,
                           @QueryParam("status") String status) {
        // Map.of refuses a null key: no ?done is no message
        String message = done == null ? null : DONE.get(done);
        return reviewPage(200, school, itemId, revision, message, message == null ? null : status, null, null);
    }

    @POST
    @Path("/{school}/{itemId}/{revision}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("school") String school, @PathParam("itemId") String itemId,
                           @PathParam("revision") int revision, @FormParam("action") String action,
                           @FormParam("checklistItem") String checklistItem, @FormParam("note") String note,
                           @FormParam("withholdReason") String withholdReason, @FormParam("stage") String stage) {
        ReviewService.DecisionForm form = new ReviewService.DecisionForm(action, checklistItem, note, withholdReason, stage);
        try {
            String status = reviews.decide(current.get(), school, itemId, revision, form);
            return Response.seeOther(UriBuilder.fromPath("/review/{s}/{i}/{r}").queryParam("done", form.action())
                    .queryParam("status", status).build(school, itemId, revision)).build();
        } catch (ProblemException e) {
            return reviewPage(e.status(), school, itemId, revision, null, null, Refusal.of(e), form);
        }
    }

    private Response queuePage(int status, List<ReviewService.BatchRow> batch, Refusal refusal) {
        ConsoleUser user = current.get();
        ReviewService.Queue queue;
        try {
            queue = reviews.queue(user);
        } catch (ProblemException e) {
            queue = null;
            refusal = refusal == null ? Refusal.of(e) : refusal;
            status = status == 200 ? e.status() : status;
        }
        return html(status, Templates.queue(user, queue, batch, refusal));
    }

    private Response reviewPage(int status, String school, String itemId, int revision, String done, String newStatus,
                                Refusal refusal, ReviewService.DecisionForm form) {
        ConsoleUser user = current.get();
        ReviewService.Review review;
        try {
            review = reviews.review(user, school, itemId, revision);
        } catch (ProblemException e) {
            review = null;
            refusal = refusal == null ? Refusal.of(e) : refusal;
            status = status == 200 ? e.status() : status;
        }
        return html(status, Templates.review(user, review, done, newStatus, refusal,
                form == null ? new ReviewService.DecisionForm(null, null, null, null, null) : form));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
