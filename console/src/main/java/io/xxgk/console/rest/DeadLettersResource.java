package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.DeadLetterService;
import io.xxgk.contract.api.Problem;
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

/**
 * {@code /ops/dead-letters}: the dead-letter topic newest first, with paging; replay one (a dead letter replayed before
 * asks for a confirmation first) or all not yet replayed; the replay log. Forms post and redirect.
 */
@Path("/ops/dead-letters")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.ADMIN_NAME})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DeadLettersResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(ConsoleUser user, DeadLetterService.Browse browse, String done, FormErrors errors);

        static native TemplateInstance confirmReplay(ConsoleUser user, DeadLetterService.LetterView letter);
    }

    private final CurrentUser current;
    private final DeadLetterService deadLetters;

    public DeadLettersResource(CurrentUser current, DeadLetterService deadLetters) {
        this.current = current;
        this.deadLetters = deadLetters;
    }

    @GET
    public Response page(@QueryParam("page") String page, @QueryParam("replayed") String replayed,
                         @QueryParam("sent") Integer sent, @QueryParam("failed") Integer failed, @QueryParam("skipped") Integer skipped) {
        String done = null;
        if (replayed != null) {
            done = "已重放死信 " + replayed + " / dead letter " + replayed + " replayed";
        } else if (sent != null) {
            done = "已重放 " + sent + " 条" + (failed != null && failed > 0 ? "，失败 " + failed + " 条" : "")
                    + (skipped != null && skipped > 0 ? "，跳过已重放或不可重放的 " + skipped + " 条" : "")
                    + " / " + sent + " replayed";
        }
        return render(200, pageNumber(page), done, null);
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("partition") String rawPartition, @PathParam("offset") String rawOffset,
                           @FormParam("confirm") String confirm) {
        ConsoleUser user = current.get();
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(rawPartition);
            offset = Long.parseLong(rawOffset);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("死信主题上没有这条记录 / no dead letter at " + rawPartition + "-" + rawOffset);
        }
        try {
            DeadLetterService.ReplayOutcome outcome = deadLetters.replay(user, partition, offset, "yes".equals(confirm));
            if (outcome.needsConfirmation()) {
                return Response.ok(Templates.confirmReplay(user, outcome.letter())).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            if (!outcome.sent()) {
                return render(503, 0, null, new FormErrors("重放失败 / replay failed", List.of(new Problem.FieldError("replay",
                        "kafka", outcome.error(), "消息未能写入 Kafka，已记录；请稍后重试。"))));
            }
            return Response.seeOther(UriBuilder.fromPath("/ops/dead-letters").queryParam("replayed", outcome.letter().id()).build()).build();
        } catch (ProblemException e) {
            return render(e.status(), 0, null, errorsOf(e));
        }
    }

    @POST
    @Path("/replay-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replayAll() {
        try {
            DeadLetterService.ReplayAllOutcome o = deadLetters.replayAll(current.get());
            return Response.seeOther(UriBuilder.fromPath("/ops/dead-letters").queryParam("sent", o.sent()).queryParam("failed", o.failed())
                    .queryParam("skipped", o.skippedReplayed() + o.skippedNotReplayable()).build()).build();
        } catch (ProblemException e) {
            return render(e.status(), 0, null, errorsOf(e));
        }
    }

    private Response render(int status, int page, String done, FormErrors errors) {
        ConsoleUser user = current.get();
        return Response.status(status).entity(Templates.deadLetters(user, deadLetters.browse(user, page), done, errors))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The problem's field errors, or its detail when it names no field (e.g. which dead letter was not found). */
    private static FormErrors errorsOf(ProblemException e) {
        FormErrors errors = FormErrors.of(e);
        String detail = e.problem().detail();
        return errors.errors().isEmpty() && detail != null
                ? new FormErrors(errors.title(), List.of(new Problem.FieldError("deadLetter", e.problem().type(), detail, "")))
                : errors;
    }

    private static int pageNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(raw.strip());
            if (p >= 1 && p <= 10_000) {
                return p - 1;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.invalid("page", "range", "page must be an integer from 1 to 10000", "页码应为 1 到 10000 之间的整数");
    }
}
