package io.xxgk.publish.rest.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import io.xxgk.contract.application.TrackingNumber;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.service.apply.ApplicationForm;
import io.xxgk.publish.service.apply.ApplicationStatus;
import io.xxgk.publish.service.statistics.WorkingDays;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 依申请公开 on a school's public site: the guide, the application form, the receipt with its tracking number and
 * the status page, in the site's layout. The form is the only thing the public can write to publish-service; it
 * records nothing here but hands the application to {@link ApplicationForm} (rate limit, rules, ingest), and every
 * refusal is an HTML page that names the field in Chinese and English and keeps what the applicant typed.
 */
@Path("/schools/{school}/apply")
@Tag(name = "site", description = "信息公开网（HTML 页面）/ the public site's pages")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ApplicationPagesResource {

    @CheckedTemplate(basePath = "site/apply")
    static class Templates {
        static native TemplateInstance guide(Nav nav, boolean online, int days, String article, List<String> answers);

        static native TemplateInstance form(Nav nav, FormState form);

        static native TemplateInstance received(Nav nav, String trackingNumber, LocalDate receivedDate, LocalDate dueDate, int days);

        static native TemplateInstance status(Nav nav, String tracking, ApplicationStatus.View view, String notice, String noticeEn,
                                              int days);

        static native TemplateInstance problem(Nav nav, String title, String message);
    }

    /** What of a refused form's values is shown again: every field's limit is far below (the longest is 2,000). */
    static final int KEEP_CHARS = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SchoolDirectory schools;
    private final ApplicationForm applications;
    private final ApplicationStatus status;
    private final HttpServerRequest request;

    public ApplicationPagesResource(SchoolDirectory schools, ApplicationForm applications, ApplicationStatus status,
                                    HttpServerRequest request) {
        this.schools = schools;
        this.applications = applications;
        this.status = status;
        this.request = request;
    }

    @GET
    @Operation(summary = "依申请公开指南 / how to apply for disclosure")
    public Response guide(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        List<String> answers = Arrays.stream(AnswerType.values()).map(ApplicationStatus::label).toList();
        return page(200, Templates.guide(nav(school.get()), applications.offered(), status.answerWithinWorkingDays(),
                WorkingDays.ANSWER_ARTICLE, answers), "public, max-age=300");
    }

    @GET
    @Path("form")
    @Operation(summary = "网上申请表 / the application form")
    public Response form(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        if (!applications.offered()) {
            return notOffered(school.get());
        }
        // the one-time key makes the page personal: never from a shared cache
        return page(200, Templates.form(nav(school.get()), FormState.empty(newSubmissionKey())), "no-store");
    }

    /**
     * The body is read as text and parsed by {@link FormBody}, not by the framework's form reader: that one answers a
     * field over {@code quarkus.http.limits.max-form-attribute-size} with a bare 413 naming nothing.
     */
    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "提交网上申请 / submit an application (HTML form)")
    public Response submit(@PathParam("school") String code, String body) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        if (!applications.offered()) {
            return notOffered(s);
        }
        Map<String, String> form = FormBody.parse(body);
        PublicApplication typed = new PublicApplication(s.code(), form.get("submissionKey"), form.get("applicantType"),
                form.get("name"), form.get("idNumber"), form.get("phone"), form.get("email"), form.get("address"),
                form.get("description"), form.get("medium"), form.get("delivery"));
        ApplicationForm.Outcome outcome = applications.submit(typed, form.get(ApplicationForm.HONEYPOT), clientAddress());
        if (outcome instanceof ApplicationForm.Received r) {
            return page(200, Templates.received(nav(s), r.trackingNumber(), r.receivedDate(), r.dueDate(),
                    status.answerWithinWorkingDays()), "no-store");
        }
        if (outcome instanceof ApplicationForm.Refused r) {
            return formPage(s, typed, r.errors(), null, 400).build();
        }
        if (outcome instanceof ApplicationForm.TooMany t) {
            long minutes = (t.retryAfterSeconds() + 59) / 60;
            long window = t.window().toMinutes();
            return formPage(s, typed, List.of(), new FormState.Notice("提交过于频繁 / Too many submissions",
                    "同一网络地址在 " + window + " 分钟内最多提交 " + t.max() + " 次申请，请约 " + minutes
                            + " 分钟后再提交。您填写的内容保留在下方，尚未提交。 / At most " + t.max() + " submissions per "
                            + window + " minutes from one address: please submit again in about " + minutes
                            + " minutes. What you typed is kept below; nothing was submitted."), 429)
                    .header(HttpHeaders.RETRY_AFTER, t.retryAfterSeconds()).build();
        }
        if (outcome instanceof ApplicationForm.AlreadySent) {
            PublicApplication fresh = new PublicApplication(typed.schoolCode(), newSubmissionKey(), typed.applicantType(),
                    typed.name(), typed.idNumber(), typed.phone(), typed.email(), typed.address(), typed.description(),
                    typed.medium(), typed.delivery());
            return formPage(s, fresh, List.of(), new FormState.Notice("此申请表已提交过 / This form was already sent",
                    "此申请表已用不同的内容提交过。请核对下方内容后再次提交，将作为一份新的申请。 / This form was already sent with other"
                            + " content. Check what is below and submit again: it will be a new application."), 409).build();
        }
        return formPage(s, typed, List.of(), new FormState.Notice("暂时无法受理 / Not recorded",
                "系统暂时无法登记您的申请，申请尚未提交。请稍后再次提交（下方内容已保留），或以书面方式提交。"
                        + " / Your application could not be recorded just now and has not been submitted."
                        + " Please submit it again in a minute (what you typed is kept below), or apply in writing."), 503)
                .header(HttpHeaders.RETRY_AFTER, 30).build();
    }

    @GET
    @Path("status")
    @Operation(summary = "办理进度查询 / an application's status by its tracking number")
    public Response status(@PathParam("school") String code, @QueryParam("tracking") String tracking) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        Nav nav = nav(school.get());
        int days = status.answerWithinWorkingDays();
        if (tracking == null || tracking.isBlank()) {
            return page(200, Templates.status(nav, "", null, null, null, days), "no-store");
        }
        String shown = tracking.length() > 40 ? tracking.substring(0, 40) : tracking;
        Optional<String> number = TrackingNumber.parse(tracking);
        if (number.isEmpty()) {
            return page(400, Templates.status(nav, shown, null,
                    "受理编号格式不正确，应类似 YSQ20260105-7KQ4M9XA。",
                    "tracking: not a tracking number; it looks like YSQ20260105-7KQ4M9XA.", days), "no-store");
        }
        try {
            Optional<ApplicationStatus.View> view = status.find(school.get().code(), number.get());
            if (view.isEmpty()) {
                return page(404, Templates.status(nav, number.get(), null,
                        "未找到受理编号 " + number.get() + " 的申请。刚刚提交的申请可能需要一两分钟才能查到，请稍后再试；"
                                + "也请核对学校与编号是否正确。",
                        "tracking: no application with this number at this school. One submitted a moment ago may take a"
                                + " minute or two to appear.", days), "no-store");
            }
            return page(200, Templates.status(nav, number.get(), view.get(), null, null, days), "no-store");
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            return Response.fromResponse(page(503, Templates.problem(nav, "暂时无法查询 / Temporarily unavailable",
                    "查询服务暂时不可用，请稍后再试。 / The status cannot be looked up just now; please try again shortly."),
                    "no-store")).header(HttpHeaders.RETRY_AFTER, 10).build();
        }
    }

    private static Nav nav(School school) {
        return Nav.of(school, "apply");
    }

    private Response.ResponseBuilder formPage(School school, PublicApplication typed, List<FieldError> errors,
                                              FormState.Notice notice, int code) {
        List<FormState.Error> shown = errors.stream().map(FormState::error).toList();
        return Response.fromResponse(page(code, Templates.form(nav(school), new FormState(kept(typed), shown, notice)), "no-store"));
    }

    /** The values shown again, each cut at {@link #KEEP_CHARS}: a page never repeats a megabyte someone sent. */
    private static PublicApplication kept(PublicApplication a) {
        return new PublicApplication(a.schoolCode(), cut(a.submissionKey()), cut(a.applicantType()), cut(a.name()),
                cut(a.idNumber()), cut(a.phone()), cut(a.email()), cut(a.address()), cut(a.description()), cut(a.medium()),
                cut(a.delivery()));
    }

    static String cut(String s) {
        if (s == null || s.length() <= KEEP_CHARS) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(KEEP_CHARS - 1)) ? KEEP_CHARS - 1 : KEEP_CHARS;
        return s.substring(0, end);
    }

    private Response notOffered(School school) {
        return page(404, Templates.problem(nav(school), "本校暂未开通网上申请 / Online applications are not offered",
                "请按《依申请公开指南》以书面方式提交申请。 / Please apply in writing as the guide describes."), "no-store");
    }

    private static Response page(int code, TemplateInstance page, String cacheControl) {
        // the site's headers (CSP, Referrer-Policy same-origin: the tracking number in the status page's address is
        // not sent on to other sites) come from SiteHeadersFilter; only the cache policy is the page's own
        return Response.fromResponse(Html.status(code, page)).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private String clientAddress() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static String newSubmissionKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
