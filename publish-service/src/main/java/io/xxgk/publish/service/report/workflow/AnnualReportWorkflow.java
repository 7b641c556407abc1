package io.xxgk.publish.service.report.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.school.School;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.contract.security.ActingUser.Role;
import io.xxgk.publish.repository.report.AnnualReportEvent;
import io.xxgk.publish.repository.report.AnnualReportEntity;
import io.xxgk.publish.service.report.AnnualReport;
import io.xxgk.publish.repository.report.ReportTitleQueries.CategoryTitles;
import io.xxgk.publish.service.report.AnnualReportBuilder.Stamp;
import io.xxgk.publish.service.report.AnnualReportService;
import io.xxgk.publish.service.report.AnnualReportService.Data;
import io.xxgk.publish.service.report.DocxReportRenderer;
import io.xxgk.publish.service.report.ReportField;
import io.xxgk.publish.service.report.ReportFill;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.HistoryEntry;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.ProseField;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.Step;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.Submission;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.Summary;
import io.xxgk.publish.service.statistics.StatisticsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The annual report as a workflow: the office fills the blanks and the year-end figures, freezes the report (the
 * statistics are snapshotted: items published later no longer change it), the leader approves it, the office
 * records its submission to the provincial education department. Every change is recorded with who, role and when.
 */
@ApplicationScoped
public class AnnualReportWorkflow {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<Role> OFFICE = EnumSet.of(Role.REVIEWER, Role.LEADER);

    private final AnnualReportService reports;
    private final ObjectMapper json;

    public AnnualReportWorkflow(AnnualReportService reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /**
     * The stored form of {@link ReportFill}. Drafts stored before the year-end figures had one source also hold
     * {@code figures}: ignored when read (the report reads the year-end figures of the period).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoredContent(Map<String, String> prose) {
    }

    @Transactional
    public List<Summary> list(School school) {
        return AnnualReportEntity.ofSchool(school.code()).stream()
                .map(r -> new Summary(r.year, r.state, ReportState.valueOf(r.state).label(), r.updatedAt)).toList();
    }

    @Transactional
    public ReportWorkflowView view(School school, int year, ActingUser actor) {
        AnnualReportEntity r = AnnualReportEntity.find(school.code(), year).orElse(null);
        return view(school, year, r, actor);
    }

    /** The report as it stands: a draft from today's statistics and what was filled in, or the frozen version. */
    @Transactional
    public ReportDocument preview(School school, int year, boolean docx, String baseUrl) {
        AnnualReportEntity r = AnnualReportEntity.find(school.code(), year).orElse(null);
        return render(school, build(school, year, r, baseUrl), docx, r == null ? ReportState.DRAFT : state(r));
    }

    /**
     * The frozen or approved version; a draft has none yet. An approved (or submitted) report is the documents stored
     * on approval, byte for byte.
     */
    @Transactional
    public ReportDocument document(School school, int year, boolean docx, String baseUrl) {
        AnnualReportEntity r = AnnualReportEntity.find(school.code(), year).orElse(null);
        if (r == null || state(r) == ReportState.DRAFT) {
            throw conflict("not-frozen", "报告尚未冻结，没有定稿可下载；草稿请用预览 / the report is not frozen yet, so there is no final"
                    + " version to download; use the preview for the draft", "state");
        }
        byte[] stored = docx ? r.approvedDocx : r.approvedHtml;
        if (stored != null && state(r) != ReportState.FROZEN) {
            AnnualReport report = build(school, year, r, baseUrl);
            return named(report, stored, docx, state(r));
        }
        return render(school, build(school, year, r, baseUrl), docx, state(r));
    }

    @Transactional
    public ReportWorkflowView updateContent(School school, int year, ReportContent content, ActingUser actor) {
        requireRole(actor, OFFICE, "填写年度报告", "fill in the annual report");
        ReportFill fill = ContentValidator.fill(content);
        AnnualReportEntity r = AnnualReportEntity.lockOrCreate(school.code(), year);
        if (state(r) != ReportState.DRAFT) {
            throw conflict("report-frozen", "报告已冻结（" + state(r).label() + "），修改前需由审核人解除冻结 / the report is "
                    + state(r).name().toLowerCase(Locale.ROOT) + "; a reviewer must unfreeze it before it can be edited", "state");
        }
        ReportFill before = fill(r);
        String changes = changes(before, fill);
        r.content = write(new StoredContent(keyed(fill.prose())));
        r.updatedAt = Instant.now();
        if (!changes.isEmpty()) {
            record(r, "FILLED", actor, changes);
        }
        return view(school, year, r, actor);
    }

    @Transactional
    public ReportWorkflowView freeze(School school, int year, ReportNote note, ActingUser actor, String baseUrl) {
        requireRole(actor, OFFICE, "冻结年度报告", "freeze the annual report");
        String text = note(note, false);
        AnnualReportEntity r = AnnualReportEntity.lockOrCreate(school.code(), year);
        if (state(r) != ReportState.DRAFT) {
            throw conflict("already-frozen", "报告已冻结（" + state(r).label() + "） / the report is already frozen", "state");
        }
        Data data = reports.data(school, year);
        StatisticsView s = data.statistics();
        AnnualReport report = reports.draft(school, data, baseUrl, fill(r), LocalDate.now(CHINA));
        List<String> open = report.unfilledFields();
        if (!open.isEmpty()) {
            List<FieldError> errors = open.stream().map(k -> ReportField.byKey(k).orElseThrow()).map(f -> new FieldError("prose." + f.key(),
                    "unfilled", f.labelEn() + " is still a blank (" + f.hint() + ")", f.label() + "尚未填写（" + f.hint() + "）")).toList();
            throw new ProblemException(409, "report-incomplete", "报告尚有空白项 / The report has blanks",
                    "冻结前请填写全部【待填写】内容：" + String.join("、", open.stream().map(k -> ReportField.byKey(k).orElseThrow().label()).toList())
                            + " / fill in every blank before freezing: " + String.join(", ", open), errors);
        }
        Instant now = Instant.now();
        r.frozenStatistics = write(s);
        r.frozenTitles = write(data.titles());
        r.frozenAt = now;
        r.frozenBy = actor.name();
        r.frozenRole = actor.role().name();
        r.state = ReportState.FROZEN.name();
        r.updatedAt = now;
        record(r, "FROZEN", actor, "统计数据已冻结：主动公开信息" + s.published() + "条，清单事项已公开" + s.coverage().published() + "项"
                + (text == null ? "" : "；" + text));
        return view(school, year, r, actor);
    }

    @Transactional
    public ReportWorkflowView unfreeze(School school, int year, ReportNote note, ActingUser actor) {
        requireRole(actor, OFFICE, "解除冻结", "unfreeze the annual report");
        String reason = note(note, true);
        AnnualReportEntity r = AnnualReportEntity.lockOrCreate(school.code(), year);
        ReportState state = state(r);
        if (state == ReportState.DRAFT) {
            throw conflict("not-frozen", "报告未冻结，无需解除 / the report is not frozen", "state");
        }
        if (state == ReportState.SUBMITTED) {
            throw conflict("already-submitted", "报告已报送省教育厅，不能再解除冻结 / the report was submitted to the provincial"
                    + " education department and can no longer be unfrozen", "state");
        }
        String detail = "原因：" + reason + (state == ReportState.APPROVED ? "；原审定（" + r.approvedBy + "）随之撤销" : "");
        r.frozenStatistics = null;
        r.frozenTitles = null;
        r.approvedHtml = null;
        r.approvedDocx = null;
        r.frozenAt = null;
        r.frozenBy = null;
        r.frozenRole = null;
        r.approvedAt = null;
        r.approvedBy = null;
        r.state = ReportState.DRAFT.name();
        r.updatedAt = Instant.now();
        record(r, "UNFROZEN", actor, detail);
        return view(school, year, r, actor);
    }

    @Transactional
    public ReportWorkflowView approve(School school, int year, ReportNote note, ActingUser actor, String baseUrl) {
        requireRole(actor, EnumSet.of(Role.LEADER), "审定年度报告（仅分管领导）", "approve the annual report (leaders only)");
        String text = note(note, false);
        AnnualReportEntity r = AnnualReportEntity.lockOrCreate(school.code(), year);
        ReportState state = state(r);
        if (state == ReportState.DRAFT) {
            throw conflict("not-frozen", "只有冻结后的报告才能审定 / only a frozen report can be approved", "state");
        }
        if (state != ReportState.FROZEN) {
            throw conflict("already-approved", "报告已审定（" + r.approvedBy + "） / the report is already approved", "state");
        }
        Instant now = Instant.now();
        r.approvedAt = now;
        r.approvedBy = actor.name();
        r.state = ReportState.APPROVED.name();
        r.updatedAt = now;
        // the approved documents, as they will be downloaded from now on
        AnnualReport approved = build(school, year, r, baseUrl);
        r.approvedHtml = reports.html(school, approved);
        r.approvedDocx = reports.docx(school, approved);
        record(r, "APPROVED", actor, text);
        return view(school, year, r, actor);
    }

    @Transactional
    public ReportWorkflowView recordSubmission(School school, int year, SubmissionRequest body, ActingUser actor) {
        requireRole(actor, OFFICE, "登记报送", "record the submission");
        if (body == null) {
            throw ProblemException.invalid("$", "required", "a JSON object with submittedOn and method is required",
                    "请求体应为包含 submittedOn（报送日期）和 method（报送方式）的 JSON 对象");
        }
        LocalDate on = submittedOn(body.submittedOn());
        SubmissionRequest.Method method = method(body.method());
        String reference = ContentValidator.optionalText("reference", body.reference(), ContentValidator.MAX_REFERENCE_CHARS, "reference（文号或回执）");
        String note = ContentValidator.optionalText("note", body.note(), ContentValidator.MAX_NOTE_CHARS, "note（备注）");
        AnnualReportEntity r = AnnualReportEntity.lockOrCreate(school.code(), year);
        ReportState state = state(r);
        if (state == ReportState.SUBMITTED) {
            throw conflict("already-submitted", "报送已于" + r.submittedOn + "登记 / the submission was already recorded ("
                    + r.submittedOn + ")", "state");
        }
        if (state != ReportState.APPROVED) {
            throw conflict("not-approved", "只有分管领导审定后的报告才能登记报送 / only an approved report can be submitted", "state");
        }
        LocalDate approvedOn = LocalDate.ofInstant(r.approvedAt, CHINA);
        if (on.isBefore(approvedOn)) {
            throw ProblemException.invalid("submittedOn", "before-approval", "submittedOn " + on + " is before the approval (" + approvedOn + ")",
                    "报送日期 " + on + " 早于审定日期 " + approvedOn);
        }
        Instant now = Instant.now();
        r.submittedOn = on;
        r.submissionMethod = method.name();
        r.submissionReference = reference;
        r.submissionNote = note;
        r.submittedBy = actor.name();
        r.submittedRole = actor.role().name();
        r.submittedAt = now;
        r.state = ReportState.SUBMITTED.name();
        r.updatedAt = now;
        record(r, "SUBMITTED", actor, on + "，" + method.label() + (reference == null ? "" : "，" + reference) + (note == null ? "" : "；" + note));
        return view(school, year, r, actor);
    }

    // reading and rendering

    private AnnualReport build(School school, int year, AnnualReportEntity r, String baseUrl) {
        ReportFill fill = r == null ? ReportFill.empty() : fill(r);
        if (r == null || state(r) == ReportState.DRAFT) {
            return reports.draft(school, reports.data(school, year), baseUrl, fill, LocalDate.now(CHINA));
        }
        StatisticsView frozen = read(r.frozenStatistics, StatisticsView.class);
        List<CategoryTitles> titles = r.frozenTitles == null ? List.of() : readTitles(r.frozenTitles);
        LocalDate frozenOn = LocalDate.ofInstant(r.frozenAt, CHINA);
        Stamp stamp;
        if (r.approvedAt == null) {
            stamp = new Stamp("送审稿：统计数据已于" + date(frozenOn) + "冻结（" + r.frozenBy + "，" + roleLabel(r.frozenRole)
                    + "），此后新发布的信息不再计入本报告；待分管领导审定。", date(frozenOn) + "（送审稿）");
        } else {
            LocalDate approvedOn = LocalDate.ofInstant(r.approvedAt, CHINA);
            stamp = new Stamp("已审定：本报告经分管领导" + r.approvedBy + "于" + date(approvedOn) + "审定。统计数据截至"
                    + date(frozenOn) + "。", date(approvedOn) + "（已审定）");
        }
        return reports.build(school, new Data(frozen, titles), baseUrl, fill, frozenOn, stamp);
    }

    private ReportDocument render(School school, AnnualReport report, boolean docx, ReportState state) {
        return named(report, docx ? reports.docx(school, report) : reports.html(school, report), docx, state);
    }

    private static ReportDocument named(AnnualReport report, byte[] body, boolean docx, ReportState state) {
        String suffix = switch (state) {
            case DRAFT -> "";
            case FROZEN -> "（送审稿）";
            case APPROVED, SUBMITTED -> "（已审定）";
        };
        String ascii = report.schoolCode() + "-" + report.year() + "-annual-report" + switch (state) {
            case DRAFT -> "";
            case FROZEN -> "-frozen";
            case APPROVED, SUBMITTED -> "-approved";
        };
        if (docx) {
            return new ReportDocument(body, DocxReportRenderer.MEDIA_TYPE, ascii + ".docx", report.title() + suffix + ".docx");
        }
        return new ReportDocument(body, "text/html;charset=UTF-8", ascii + ".html", report.title() + suffix + ".html");
    }

    private ReportWorkflowView view(School school, int year, AnnualReportEntity r, ActingUser actor) {
        ReportState state = r == null ? ReportState.DRAFT : state(r);
        ReportFill fill = r == null ? ReportFill.empty() : fill(r);
        AnnualReport report = build(school, year, r, "");
        List<String> asked = report.blankFields();
        List<ProseField> prose = ReportField.proseFields().stream().map(f -> new ProseField(f.key(), f.label(), f.labelEn(), f.hint(),
                asked.contains(f.key()), fill.text(f).orElse(null))).toList();
        Step frozen = r == null || r.frozenAt == null ? null : new Step(r.frozenBy, r.frozenRole, roleLabel(r.frozenRole), r.frozenAt);
        Step approved = r == null || r.approvedAt == null ? null : new Step(r.approvedBy, Role.LEADER.name(), roleLabel(Role.LEADER.name()), r.approvedAt);
        Submission submission = r == null || r.submittedOn == null ? null : new Submission(r.submittedOn, r.submissionMethod,
                SubmissionRequest.Method.valueOf(r.submissionMethod).label(), r.submissionReference, r.submissionNote, r.submittedBy,
                r.submittedRole, r.submittedAt);
        List<HistoryEntry> history = r == null ? List.of() : AnnualReportEvent.ofReport(school.code(), year).stream()
                .map(e -> new HistoryEntry(e.action, actionLabel(e.action), e.actor, e.actorRole, roleLabel(e.actorRole), e.at, e.detail)).toList();
        return new ReportWorkflowView(school.code(), school.name(), year, report.periodLabel(), state.name(), state.label(), prose,
                report.unfilledFields(), allowed(state, actor), frozen, approved, submission, history);
    }

    private static List<String> allowed(ReportState state, ActingUser actor) {
        List<String> a = new ArrayList<>();
        boolean office = actor != null && OFFICE.contains(actor.role());
        switch (state) {
            case DRAFT -> {
                if (office) {
                    a.add("fill");
                    a.add("freeze");
                }
            }
            case FROZEN -> {
                if (actor != null && actor.role() == Role.LEADER) {
                    a.add("approve");
                }
                if (office) {
                    a.add("unfreeze");
                }
                a.add("download");
            }
            case APPROVED -> {
                if (office) {
                    a.add("submit");
                    a.add("unfreeze");
                }
                a.add("download");
            }
            case SUBMITTED -> a.add("download");
        }
        return a;
    }

    // helpers

    private static ReportState state(AnnualReportEntity r) {
        return ReportState.valueOf(r.state);
    }

    private ReportFill fill(AnnualReportEntity r) {
        StoredContent c = r.content == null || r.content.isBlank() ? null : read(r.content, StoredContent.class);
        Map<ReportField, String> prose = new EnumMap<>(ReportField.class);
        if (c != null && c.prose() != null) {
            c.prose().forEach((k, v) -> ReportField.byKey(k).ifPresent(f -> prose.put(f, v)));
        }
        return new ReportFill(prose);
    }

    private static <V> Map<String, V> keyed(Map<ReportField, V> values) {
        Map<String, V> out = new LinkedHashMap<>();
        values.forEach((f, v) -> out.put(f.key(), v));
        return out;
    }

    /** "已填写：概述、微信公众号关注人数；已清空：……" or empty when nothing changed. */
    private static String changes(ReportFill before, ReportFill after) {
        List<String> set = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        for (ReportField f : ReportField.values()) {
            Object old = before.text(f).orElse(null);
            Object now = after.text(f).orElse(null);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (now == null) {
                cleared.add(f.label());
            } else {
                set.add(f.label());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("已填写：" + String.join("、", set));
        }
        if (!cleared.isEmpty()) {
            parts.add("已清空：" + String.join("、", cleared));
        }
        return String.join("；", parts);
    }

    private static void record(AnnualReportEntity r, String action, ActingUser actor, String detail) {
        AnnualReportEvent e = new AnnualReportEvent();
        e.schoolCode = r.schoolCode;
        e.year = r.year;
        e.action = action;
        e.actor = actor.name();
        e.actorRole = actor.role().name();
        e.at = Instant.now();
        e.detail = detail == null || detail.isBlank() ? null : detail;
        e.persist();
    }

    private static void requireRole(ActingUser actor, Set<Role> allowed, String whatZh, String what) {
        if (!allowed.contains(actor.role())) {
            String roles = String.join("、", allowed.stream().map(r -> roleLabel(r.name())).toList());
            throw new ProblemException(403, "forbidden", "无权操作 / Forbidden",
                    roleLabel(actor.role().name()) + "无权" + whatZh + "，需要：" + roles + " / the role " + actor.role()
                            + " may not " + what + "; needed: " + allowed,
                    List.of(new FieldError(ActingUser.ROLE_HEADER, "forbidden-role", "the role " + actor.role() + " may not " + what,
                            roleLabel(actor.role().name()) + "无权" + whatZh)));
        }
    }

    private static String note(ReportNote note, boolean required) {
        String text = ContentValidator.optionalText("note", note == null ? null : note.note(), ContentValidator.MAX_NOTE_CHARS,
                required ? "note（解除冻结原因）" : "note（备注）");
        if (required && text == null) {
            throw ProblemException.invalid("note", "required", "the reason for unfreezing is required",
                    "解除冻结须填写原因（note）");
        }
        return text;
    }

    private static LocalDate submittedOn(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("submittedOn", "required", "submittedOn (the date it was sent, YYYY-MM-DD) is required",
                    "缺少报送日期 submittedOn（YYYY-MM-DD）");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("submittedOn", "not-a-date", "submittedOn must be a date YYYY-MM-DD, not '" + ShownText.of(raw) + "'",
                    "报送日期 submittedOn 应为 YYYY-MM-DD 格式的日期，而不是“" + ShownText.of(raw) + "”");
        }
        if (d.isAfter(LocalDate.now(CHINA))) {
            throw ProblemException.invalid("submittedOn", "in-the-future", "submittedOn " + d + " is in the future",
                    "报送日期 " + d + " 晚于今天");
        }
        return d;
    }

    private static SubmissionRequest.Method method(String raw) {
        String known = String.join(", ", java.util.Arrays.stream(SubmissionRequest.Method.values()).map(Enum::name).toList());
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("method", "required", "method (how it was sent) is required: " + known,
                    "缺少报送方式 method：" + known);
        }
        try {
            return SubmissionRequest.Method.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("method", "invalid", "method must be one of " + known + ", not '" + ShownText.of(raw) + "'",
                    "报送方式 method 应为 " + known + " 之一，而不是“" + ShownText.of(raw) + "”");
        }
    }

    private static ProblemException conflict(String type, String detail, String field) {
        String[] both = detail.split(" / ", 2);
        return new ProblemException(409, type, "当前状态不允许此操作 / Not possible in the report's state", detail,
                List.of(new FieldError(field, type, both.length == 2 ? both[1] : detail, both[0])));
    }

    static String roleLabel(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "EDITOR" -> "部门信息员";
            case "REVIEWER" -> "信息公开办公室审核";
            case "LEADER" -> "分管领导";
            case "OPERATOR" -> "运维";
            case "ADMIN" -> "管理员";
            default -> role;
        };
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "FILLED" -> "填写";
            case "FROZEN" -> "冻结";
            case "UNFROZEN" -> "解除冻结";
            case "APPROVED" -> "审定";
            case "SUBMITTED" -> "报送省教育厅";
            default -> action;
        };
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private List<CategoryTitles> readTitles(String text) {
        try {
            return json.readValue(text, new TypeReference<List<CategoryTitles>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report titles cannot be read", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
