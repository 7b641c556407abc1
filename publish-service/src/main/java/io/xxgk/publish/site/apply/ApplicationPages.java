package io.xxgk.publish.site.apply;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import io.xxgk.contract.application.TrackingNumber;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 依申请公开 on a school's public site: the guide, the application form, the receipt with its tracking number and
 * the status page. The form is the only thing the public can write to publish-service; it records nothing here
 * but hands the application to ingest-service (see {@link ApplicationIntake}), and every refusal is an HTML page
 * that names the field in Chinese and English and keeps what the applicant typed.
 */
@Path("/schools/{school}/apply")
@Tag(name = "site", description = "信息公开网（HTML 页面）/ the public site's pages")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ApplicationPages {

    @CheckedTemplate(basePath = "site/apply")
    static class Templates {
        static native TemplateInstance guide(School school, boolean online, int days, String article, List<String> answers);

        static native TemplateInstance form(School school, FormState form);

        static native TemplateInstance received(School school, String trackingNumber, LocalDate receivedDate, LocalDate dueDate, int days);

        static native TemplateInstance status(School school, String tracking, ApplicationStatus.View view, String notice, String noticeEn,
                                              int days);

        static native TemplateInstance problem(School school, String title, String message);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final SchoolDirectory schools;
    private final ApplyConfig config;
    private final SubmissionLimiter limiter;
    private final ApplicationIntake intake;
    private final ApplicationStatus status;
    private final HttpServerRequest request;

    public ApplicationPages(SchoolDirectory schools, ApplyConfig config, SubmissionLimiter limiter, ApplicationIntake intake,
                            ApplicationStatus status, HttpServerRequest request) {
        this.schools = schools;
        this.config = config;
        this.limiter = limiter;
        this.intake = intake;
        this.status = status;
        this.request = request;
    }

    @GET
    @Operation(summary = "依申请公开指南 / how to apply for disclosure")
    public Response guide(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return unknownSchool();
        }
        List<String> answers = java.util.Arrays.stream(io.xxgk.contract.event.DisclosureRequestEvent.AnswerType.values())
                .map(ApplicationStatus::label).toList();
        return page(200, Templates.guide(school.get(), config.enabled(), status.answerWithinWorkingDays(),
                WorkingDays.ANSWER_ARTICLE, answers), "public, max-age=300");
    }

    @GET
    @Path("form")
    @Operation(summary = "网上申请表 / the application form")
    public Response form(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return unknownSchool();
        }
        if (!config.enabled()) {
            return notOffered(school.get());
        }
        // the one-time key makes the page personal: never from a shared cache
        return page(200, Templates.form(school.get(), FormState.empty(newSubmissionKey())), "no-store");
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "提交网上申请 / submit an application (HTML form)")
    public Response submit(@PathParam("school") String code, MultivaluedMap<String, String> form) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return unknownSchool();
        }
        if (!config.enabled()) {
            return notOffered(school.get());
        }
        PublicApplication typed = new PublicApplication(school.get().code(), form.getFirst("submissionKey"),
                form.getFirst("applicantType"), form.getFirst("name"), form.getFirst("idNumber"), form.getFirst("phone"),
                form.getFirst("email"), form.getFirst("address"), form.getFirst("description"), form.getFirst("medium"),
                form.getFirst("delivery"));
        OptionalLong wait = limiter.acquire(clientAddress());
        if (wait.isPresent()) {
            long minutes = (wait.getAsLong() + 59) / 60;
            return formPage(school.get(), typed, List.of(), new FormState.Notice("提交过于频繁 / Too many submissions",
                    "同一网络地址在 " + config.rateLimit().window().toMinutes() + " 分钟内最多提交 " + config.rateLimit().max()
                            + " 次申请，请约 " + minutes + " 分钟后再提交。您填写的内容保留在下方，尚未提交。 / At most "
                            + config.rateLimit().max() + " submissions per " + config.rateLimit().window().toMinutes()
                            + " minutes from one address: please submit again in about " + minutes
                            + " minutes. What you typed is kept below; nothing was submitted."), 429)
                    .header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
        }
        String honeypot = form.getFirst(FormState.HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            return formPage(school.get(), typed, List.of(new FieldError(FormState.HONEYPOT, "must-be-empty",
                    "this field must stay empty", "“请勿填写此栏”一栏必须留空")), null, 400).build();
        }
        List<FieldError> errors = typed.validate();
        if (!errors.isEmpty()) {
            return formPage(school.get(), typed, errors, null, 400).build();
        }
        ApplicationIntake.Outcome outcome = intake.submit(typed);
        if (outcome instanceof ApplicationIntake.Received r) {
            return page(200, Templates.received(school.get(), r.trackingNumber(), r.receivedDate(),
                    status.dueDate(r.receivedDate()), status.answerWithinWorkingDays()), "no-store");
        }
        if (outcome instanceof ApplicationIntake.Refused r && r.status() == 409) {
            PublicApplication fresh = new PublicApplication(typed.schoolCode(), newSubmissionKey(), typed.applicantType(),
                    typed.name(), typed.idNumber(), typed.phone(), typed.email(), typed.address(), typed.description(),
                    typed.medium(), typed.delivery());
            return formPage(school.get(), fresh, List.of(), new FormState.Notice("此申请表已提交过 / This form was already sent",
                    "此申请表已用不同的内容提交过。请核对下方内容后再次提交，将作为一份新的申请。 / This form was already sent with other"
                            + " content. Check what is below and submit again: it will be a new application."), 409).build();
        }
        if (outcome instanceof ApplicationIntake.Refused r) {
            return formPage(school.get(), typed, r.errors(), null, 400).build();
        }
        return formPage(school.get(), typed, List.of(), new FormState.Notice("暂时无法受理 / Not recorded",
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
            return unknownSchool();
        }
        int days = status.answerWithinWorkingDays();
        if (tracking == null || tracking.isBlank()) {
            return page(200, Templates.status(school.get(), "", null, null, null, days), "no-store");
        }
        String shown = tracking.length() > 40 ? tracking.substring(0, 40) : tracking;
        Optional<String> number = TrackingNumber.parse(tracking);
        if (number.isEmpty()) {
            return page(400, Templates.status(school.get(), shown, null,
                    "受理编号格式不正确，应类似 YSQ20260105-7KQ4M9XA。",
                    "tracking: not a tracking number; it looks like YSQ20260105-7KQ4M9XA.", days), "no-store");
        }
        try {
            Optional<ApplicationStatus.View> view = status.find(school.get().code(), number.get());
            if (view.isEmpty()) {
                return page(404, Templates.status(school.get(), number.get(), null,
                        "未找到受理编号 " + number.get() + " 的申请。刚刚提交的申请可能需要一两分钟才能查到，请稍后再试；"
                                + "也请核对学校与编号是否正确。",
                        "tracking: no application with this number at this school. One submitted a moment ago may take a"
                                + " minute or two to appear.", days), "no-store");
            }
            return page(200, Templates.status(school.get(), number.get(), view.get(), null, null, days), "no-store");
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            return Response.fromResponse(page(503, Templates.problem(school.get(), "暂时无法查询 / Temporarily unavailable",
                    "查询服务暂时不可用，请稍后再试。 / The status cannot be looked up just now; please try again shortly."),
                    "no-store")).header(HttpHeaders.RETRY_AFTER, 10).build();
        }
    }

    private Response.ResponseBuilder formPage(School school, PublicApplication typed, List<FieldError> errors,
                                              FormState.Notice notice, int code) {
        List<FormState.Error> shown = new ArrayList<>();
        errors.forEach(e -> shown.add(FormState.error(e)));
        return Response.fromResponse(page(code, Templates.form(school, new FormState(typed, shown, notice)), "no-store"));
    }

    private Response notOffered(School school) {
        return page(404, Templates.problem(school, "本校暂未开通网上申请 / Online applications are not offered",
                "请按《依申请公开指南》以书面方式提交申请。 / Please apply in writing as the guide describes."), "no-store");
    }

    private static Response unknownSchool() {
        return page(404, Templates.problem(null, "未找到学校 / Unknown school",
                "没有这个学校代码。 / There is no school with this code."), "no-store");
    }

    private static Response page(int code, TemplateInstance page, String cacheControl) {
        return Response.status(code).entity(page.render()).type(HTML) // rendered here: the ETag filter hashes the bytes sent
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                // the tracking number is in the status page's address: it is not sent on to other sites
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
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
