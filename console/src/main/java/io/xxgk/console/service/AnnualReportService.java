package io.xxgk.console.service;

import io.xxgk.console.client.AnnualReportClient;
import io.xxgk.console.client.AnnualReportClient.View;
import io.xxgk.console.client.YearEndFiguresClient;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /report/{year}}: the school's annual report as a workflow, kept by publish-service. The console shows it,
 * sends what the office fills in, and asks publish to freeze, approve (leaders), unfreeze and record the submission;
 * publish decides who may and records who did.
 */
@ApplicationScoped
public class AnnualReportService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final String SERVICE = "publish-service";

    /** A form field: its name is the service's field name (prose.overview, figures.wechatFollowers). */
    public record ProseInput(String name, String label, String labelEn, String hint, boolean open, String value, String error) {
    }

    /**
     * A year-end figure's input: {@code name} is its field name (figures.wechatFollowers) for its id and errors,
     * {@code key} what the form posts beside the value; {@code text} for the text figures (自查, 调查结果).
     */
    public record FigureInput(String name, String key, String label, String labelEn, String unit, boolean text, String group,
                              String value, String error) {
    }

    public record HistoryRow(String at, String action, String actor, String role, String detail) {
    }

    public record MethodOption(String value, String label) {
    }

    /** What the page shows; {@code view} is null when publish could not be reached ({@code unavailable} says so). */
    public record Page(int year, String schoolName, View view, List<ProseInput> prose, List<FigureInput> figures,
                       List<String> unfilledLabels, List<HistoryRow> history, List<String> actions, String frozenLine,
                       String approvedLine, String submissionLine, List<MethodOption> methods, String today,
                       String unavailable) {

        public boolean can(String action) {
            return actions.contains(action);
        }
    }

    /** A rendered report as publish sent it. */
    public record Download(byte[] body, String contentType, String disposition) {
    }

    public static final List<MethodOption> METHODS = List.of(new MethodOption("ONLINE_SYSTEM", "网上报送系统"),
            new MethodOption("EMAIL", "电子邮件"), new MethodOption("MAIL", "纸质邮寄"), new MethodOption("IN_PERSON", "现场报送"),
            new MethodOption("OTHER", "其他方式"));

    private final AnnualReportClient reports;
    private final YearEndFiguresClient yearEnd;
    private final ServiceCalls calls;
    private final SchoolDirectory schools;

    public AnnualReportService(@RestClient AnnualReportClient reports, @RestClient YearEndFiguresClient yearEnd, ServiceCalls calls,
                               SchoolDirectory schools) {
        this.reports = reports;
        this.yearEnd = yearEnd;
        this.calls = calls;
        this.schools = schools;
    }

    /**
     * The page; {@code submitted} (a refused form, by field name) is shown instead of the stored values, with the
     * service's {@code errors} next to their fields.
     */
    public Page page(ConsoleUser user, int year, Map<String, String> submitted, List<FieldError> errors) {
        String schoolName = schools.find(user.schoolCode()).map(s -> s.name()).orElse(user.schoolCode());
        String today = LocalDate.now(CHINA).toString();
        View v;
        List<YearEndFiguresClient.Key> keys;
        List<YearEndFiguresClient.Figure> stored;
        try {
            v = calls.call(SERVICE, () -> reports.view(user.schoolCode(), year));
            keys = calls.call(SERVICE, yearEnd::keys);
            stored = calls.call(SERVICE, () -> yearEnd.figures(user.schoolCode(), year)).figures();
        } catch (ProblemException e) {
            return new Page(year, schoolName, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, METHODS,
                    today, e.problem().title() + "：" + e.problem().detail());
        }
        Map<String, String> shown = submitted == null ? Map.of() : submitted;
        List<FieldError> errs = errors == null ? List.of() : errors;
        List<ProseInput> prose = new ArrayList<>();
        for (AnnualReportClient.ProseField p : v.prose()) {
            String name = "prose." + p.key();
            if (!p.asked() && p.value() == null && !shown.containsKey(name)) {
                continue; // this year's report has no such blank (e.g. no complaints to explain)
            }
            prose.add(new ProseInput(name, p.label(), p.labelEn(), p.hint(), v.unfilled().contains(p.key()),
                    shown.getOrDefault(name, p.value() == null ? "" : p.value()), error(errs, name)));
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        stored.forEach(f -> recorded.put(f.key(), YearEndForm.shown(f)));
        List<FigureInput> figures = keys.stream().map(k -> {
            String name = YearEndForm.PREFIX + k.key();
            return new FigureInput(name, k.key(), k.label(), k.labelEn(), k.unit() == null ? "" : k.unit(), "TEXT".equals(k.kind()),
                    k.groupLabel(), shown.getOrDefault(name, recorded.getOrDefault(k.key(), "")), error(errs, name));
        }).toList();
        List<String> unfilled = v.prose().stream().filter(p -> v.unfilled().contains(p.key())).map(AnnualReportClient.ProseField::label).toList();
        List<HistoryRow> history = v.history().stream()
                .map(h -> new HistoryRow(when(h.at()), h.actionLabel(), h.actor(), h.roleLabel(), h.detail() == null ? "" : h.detail()))
                .toList();
        String frozen = v.frozen() == null ? null : "统计数据于 " + when(v.frozen().at()) + " 冻结（" + v.frozen().actor() + "，"
                + v.frozen().roleLabel() + "）";
        String approved = v.approved() == null ? null : "已由分管领导 " + v.approved().actor() + " 于 " + when(v.approved().at()) + " 审定";
        String submission = v.submission() == null ? null : v.submission().submittedOn() + " 通过" + v.submission().methodLabel()
                + " 报送省教育厅" + (v.submission().reference() == null ? "" : "（" + v.submission().reference() + "）")
                + "，登记人 " + v.submission().recordedBy();
        return new Page(year, schoolName, v, prose, figures, unfilled, history, v.allowedActions(), frozen, approved, submission,
                METHODS, today, null);
    }

    /**
     * Saves the form: the prose into the report (publish replaces the whole content, empty blanks cleared), then the
     * year-end figures of the period through publish's year-end API, their one source, which the report reads; those
     * only when the form changed them (a leader fills the report but does not record figures).
     */
    public void fill(ConsoleUser user, int year, Map<String, String> form) {
        Map<String, String> prose = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("prose.")) {
                prose.put(name.substring(6), value == null || value.isBlank() ? null : value);
            }
        });
        calls.call(SERVICE, () -> reports.fill(user.schoolCode(), year, new AnnualReportClient.Content(prose)));
        if (form.keySet().stream().noneMatch(n -> n.startsWith(YearEndForm.PREFIX))) {
            return;
        }
        List<YearEndFiguresClient.Key> keys = calls.call(SERVICE, yearEnd::keys);
        Map<String, Object> figures = YearEndForm.body(keys, form);
        Map<String, Object> before = YearEndForm.body(calls.call(SERVICE, () -> yearEnd.figures(user.schoolCode(), year)).figures());
        if (figures.equals(before)) {
            return;
        }
        try {
            calls.call(SERVICE, () -> yearEnd.record(user.schoolCode(), year, figures));
        } catch (ProblemException e) {
            if (e.problem().errors() == null || e.problem().errors().isEmpty()) {
                throw e;
            }
            throw new ProblemException(e.status(), e.problem().type(), e.problem().title(), e.problem().detail(),
                    YearEndForm.onForm(e.problem().errors(), keys));
        }
    }

    public void freeze(ConsoleUser user, int year, String note) {
        calls.call(SERVICE, () -> reports.freeze(user.schoolCode(), year, new AnnualReportClient.Note(note)));
    }

    public void unfreeze(ConsoleUser user, int year, String reason) {
        calls.call(SERVICE, () -> reports.unfreeze(user.schoolCode(), year, new AnnualReportClient.Note(reason)));
    }

    public void approve(ConsoleUser user, int year, String note) {
        calls.call(SERVICE, () -> reports.approve(user.schoolCode(), year, new AnnualReportClient.Note(note)));
    }

    public void recordSubmission(ConsoleUser user, int year, String submittedOn, String method, String reference, String note) {
        calls.call(SERVICE, () -> reports.submission(user.schoolCode(), year,
                new AnnualReportClient.SubmissionRequest(submittedOn, method, reference, note)));
    }

    /** The report as it stands (draft or frozen), {@code docx} or HTML. */
    public Download preview(ConsoleUser user, int year, boolean docx) {
        return download(calls.call(SERVICE, () -> reports.preview(user.schoolCode(), year, docx ? "docx" : "html")));
    }

    /** The frozen or approved version. */
    public Download document(ConsoleUser user, int year, boolean docx) {
        return download(calls.call(SERVICE, () -> reports.document(user.schoolCode(), year, docx ? "docx" : "html")));
    }

    private static Download download(Response r) {
        try (r) {
            return new Download(r.readEntity(byte[].class), r.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    r.getHeaderString("Content-Disposition"));
        }
    }

    private static String error(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(e -> e.messageZh() + " / " + e.message()).findFirst().orElse(null);
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
