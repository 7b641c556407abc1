package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.client.CoverageClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.CoverageService;
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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /coverage}: the school's 50 items by category with their status, what is overdue and due next (a department
 * editor sees their own department's list first); {@code /coverage/{department}}: one department's list, which an
 * editor may open only for their own department. Reviewers and admins mark an item 本校不涉及 with a reason.
 * Plain forms that post and redirect: no JavaScript needed.
 */
@Path("/coverage")
// the tags (templates/tags/coverage*.html) are not type-checked: the records they read need value resolvers
@TemplateData(target = CoverageClient.Coverage.class)
@TemplateData(target = CoverageClient.Category.class)
@TemplateData(target = CoverageClient.Item.class)
@TemplateData(target = CoverageClient.Mark.class)
@TemplateData(target = CoverageClient.Entry.class)
@TemplateData(target = CoverageClient.Due.class)
@TemplateData(target = CoverageClient.Waiting.class)
@TemplateData(target = CoverageClient.Summary.class)
@TemplateData(target = CoverageClient.Period.class)
@TemplateData(target = CoverageClient.DepartmentSummary.class)
@RolesAllowed({ConsoleRole.EDITOR_NAME, ConsoleRole.REVIEWER_NAME, ConsoleRole.LEADER_NAME, ConsoleRole.ADMIN_NAME})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CoverageResource {

    private static final Map<String, String> DONE = Map.of(
            "marked", "已标记为本校不涉及 / marked as not applicable",
            "unmarked", "已取消本校不涉及标记 / mark removed");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance school(ConsoleUser user, CoverageService.SchoolPage page,
                                              List<CoverageClient.DepartmentSummary> departments, boolean mayMark,
                                              String done, FormErrors errors, String period);

        static native TemplateInstance department(ConsoleUser user, String schoolName, CoverageClient.Coverage coverage,
                                                  boolean mayMark, String done, FormErrors errors, String period);

        static native TemplateInstance forbidden(ConsoleUser user, String message);
    }

    @TemplateExtension
    static class Extensions {
        /** A path segment, percent-encoded (department names are Chinese). */
        static String segment(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** The day (in China) an instant falls on. */
        static java.time.LocalDate day(java.time.Instant at) {
            return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        }
    }

    private final CurrentUser current;
    private final CoverageService coverage;

    public CoverageResource(CurrentUser current, CoverageService coverage) {
        this.current = current;
        this.coverage = coverage;
    }

    @GET
    public Response school(@QueryParam("period") String period, @QueryParam("done") String done) {
        return schoolPage(period, done(done), null, 200);
    }

    @GET
    @Path("/{department}")
    public Response department(@PathParam("department") String department, @QueryParam("period") String period,
                               @QueryParam("done") String done) {
        return departmentPage(department, period, done(done), null, 200);
    }

    /** The confirmation after a redirect; none without {@code ?done} (Map.of refuses a null key). */
    private static String done(String done) {
        return done == null ? null : DONE.get(done);
    }

    @POST
    @Path("/not-applicable/{item}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mark(@PathParam("item") int item, @FormParam("reason") String reason, @FormParam("back") String back) {
        try {
            coverage.mark(current.get(), item, reason);
            return Response.seeOther(URI.create(back(back) + "?done=marked#item-" + item)).build();
        } catch (ProblemException e) {
            return refused(e, back);
        }
    }

    @POST
    @Path("/not-applicable/{item}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unmark(@PathParam("item") int item, @FormParam("back") String back) {
        try {
            coverage.unmark(current.get(), item);
            return Response.seeOther(URI.create(back(back) + "?done=unmarked#item-" + item)).build();
        } catch (ProblemException e) {
            return refused(e, back);
        }
    }

    private Response schoolPage(String period, String done, FormErrors errors, int status) {
        ConsoleUser user = current.get();
        CoverageService.SchoolPage page;
        try {
            page = coverage.school(user, period);
        } catch (ProblemException e) {
            return problemPage(user, e);
        }
        List<CoverageClient.DepartmentSummary> departments = CoverageService.firstOf(page.school().departments(),
                user.is(ConsoleRole.EDITOR) ? user.department() : null);
        return html(status, Templates.school(user, page, departments, coverage.mayMark(user), done, errors, period));
    }

    private Response departmentPage(String department, String period, String done, FormErrors errors, int status) {
        ConsoleUser user = current.get();
        try {
            CoverageClient.Coverage c = coverage.department(user, department, period);
            return html(status, Templates.department(user, coverage.schoolName(user), c, coverage.mayMark(user), done, errors, period));
        } catch (ProblemException e) {
            return problemPage(user, e);
        }
    }

    /** A refused mark is shown on the page it came from, with the service's field errors. */
    private Response refused(ProblemException e, String back) {
        String to = back(back);
        FormErrors errors = FormErrors.of(e);
        if (to.startsWith("/coverage/")) {
            String department = java.net.URLDecoder.decode(to.substring("/coverage/".length()), StandardCharsets.UTF_8);
            return departmentPage(department, null, null, errors, e.status());
        }
        return schoolPage(null, null, errors, e.status());
    }

    private Response problemPage(ConsoleUser user, ProblemException e) {
        if (e.status() == 403) {
            return html(403, Templates.forbidden(user, e.problem().detail()));
        }
        throw e;
    }

    /** Only back to a coverage page of this console (never an open redirect). */
    private static String back(String back) {
        if (back != null && back.matches("/coverage(/[^/?#\\s]+)?")) {
            return back;
        }
        return "/coverage";
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
