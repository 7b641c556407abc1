package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.AnnualReportService;
import io.xxgk.console.service.AnnualReportService.Download;
import io.xxgk.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /report/{year}}: the annual report — preview, the form for the blanks and year-end figures, freeze, approve
 * (leaders), unfreeze, download DOCX/HTML, record the submission to the provincial education department. Every form
 * posts and redirects (no JavaScript needed); a refused form comes back with the entered values and the field errors.
 */
@Path("/report")
@RolesAllowed({ConsoleRole.REVIEWER_NAME, ConsoleRole.LEADER_NAME, ConsoleRole.ADMIN_NAME})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReportPageResource {

    private static final Map<String, String> DONE = Map.of(
            "saved", "已保存 / saved",
            "frozen", "报告已冻结，统计数据不再变化；请分管领导审定 / frozen; the leader can approve it now",
            "unfrozen", "已解除冻结，可以修改 / unfrozen; it can be edited again",
            "approved", "报告已审定 / approved",
            "submitted", "已登记报送省教育厅 / submission recorded");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ConsoleUser user, AnnualReportService.Page page, String done, FormErrors errors);
    }

    private final CurrentUser current;
    private final AnnualReportService reports;

    public ReportPageResource(CurrentUser current, AnnualReportService reports) {
        this.current = current;
        this.reports = reports;
    }

    @GET
    public Response thisYear() {
        return Response.seeOther(URI.create("/report/" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear())).build();
    }

    @GET
    @Path("/{year}")
    public TemplateInstance page(@PathParam("year") int year, @QueryParam("done") String done) {
        ConsoleUser user = current.get();
        return Templates.report(user, reports.page(user, year, null, null), done == null ? null : DONE.get(done), null);
    }

    @POST
    @Path("/{year}/content")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fill(@PathParam("year") int year, @BeanParam ReportForm form) {
        Map<String, String> values = form.values();
        return act(year, "saved", values, () -> reports.fill(current.get(), year, values));
    }

    @POST
    @Path("/{year}/freeze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response freeze(@PathParam("year") int year, @FormParam("note") String note) {
        return act(year, "frozen", null, () -> reports.freeze(current.get(), year, note));
    }

    @POST
    @Path("/{year}/unfreeze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unfreeze(@PathParam("year") int year, @FormParam("note") String reason) {
        return act(year, "unfrozen", null, () -> reports.unfreeze(current.get(), year, reason));
    }

    @POST
    @Path("/{year}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("year") int year, @FormParam("note") String note) {
        return act(year, "approved", null, () -> reports.approve(current.get(), year, note));
    }

    @POST
    @Path("/{year}/submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submission(@PathParam("year") int year, @FormParam("submittedOn") String submittedOn,
                               @FormParam("method") String method, @FormParam("reference") String reference,
                               @FormParam("note") String note) {
        return act(year, "submitted", null, () -> reports.recordSubmission(current.get(), year, submittedOn, method, reference, note));
    }

    /** The report as it stands: the draft with what was filled in, or the frozen version (HTML in the browser, or DOCX). */
    @GET
    @Path("/{year}/preview")
    @Produces({MediaType.TEXT_HTML, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    public Response preview(@PathParam("year") int year, @QueryParam("format") String format) {
        return send(reports.preview(current.get(), year, "docx".equals(format)), false);
    }

    /** The frozen or approved version, as a file. */
    @GET
    @Path("/{year}/download")
    @Produces({MediaType.TEXT_HTML, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    public Response download(@PathParam("year") int year, @QueryParam("format") String format) {
        return send(reports.document(current.get(), year, !"html".equals(format)), true);
    }

    private Response act(int year, String done, Map<String, String> submitted, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/report/" + year + "?done=" + done)).build();
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
            ConsoleUser user = current.get();
            FormErrors errors = FormErrors.of(e);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.report(user, reports.page(user, year, submitted, errors.errors()), null, errors)).build();
        }
    }

    private static Response send(Download d, boolean attachment) {
        Response.ResponseBuilder r = Response.ok(d.body(), d.contentType());
        if (d.disposition() != null) {
            r.header("Content-Disposition", attachment ? d.disposition().replaceFirst("^inline", "attachment") : d.disposition());
        }
        return r.build();
    }
}
