package io.xxgk.console.service;

import io.xxgk.console.client.SignOffClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.event.WithholdReason;
import io.xxgk.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The review pages (一事一审) over classify's sign-off API: the queue of the signed-in person's school and stage
 * (a reviewer decides at OFFICE, a leader at LEADER), one revision's review, decisions and batch approval.
 * classify enforces who may decide what; the console asks it only for the person's own school and stage.
 */
@ApplicationScoped
public class ReviewService {

    private static final String CLASSIFY = "classify-service";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(CHINA);
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MAX_NOTE_CHARS = 1000;
    private static final Checklist CHECKLIST = Checklist.national();

    public record HoldReason(String code, String label) {
    }

    public record QueueRow(String itemId, int revision, String title, String department, Integer checklistItem,
                           String checklistName, String confidence, List<HoldReason> holdReasons, boolean personalData,
                           boolean selectable, String heldSince, String href, String key) {
    }

    public record Queue(String stage, String stageLabel, String threshold, List<QueueRow> rows) {
    }

    /** A run of text, marked when it is a personal-data finding (its kind in {@code label}). */
    public record Segment(String text, String label) {
        public boolean isMarked() {
            return label != null;
        }
    }

    public record Text(List<Segment> title, List<Segment> body) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record OptionGroup(String label, List<Option> options) {
    }

    public record StepRow(String stage, String action, String actionCode, String actor, String role, String at,
                          String note, String checklistChange, String withholdReason) {
    }

    public record Review(String schoolCode, String itemId, int revision, String department, String status, String statusCode,
                         String mode, String awaiting, String stage, String approveLeadsTo, boolean mayDecide,
                         String cannotDecide, Integer checklistItem,
                         String checklistText, Integer category, String categoryName, String confidence, String explanation,
                         List<HoldReason> holdReasons, Text original, Text publicCopy, List<String> findingKinds,
                         List<String> attachments, List<OptionGroup> checklistOptions, List<Option> withholdReasons,
                         List<StepRow> history, String href) {
    }

    /** What the decision forms post. */
    public record DecisionForm(String action, String checklistItem, String note, String withholdReason, String stage) {
    }

    public record BatchRow(String itemId, int revision, String title, boolean approved, String outcome, String href) {
    }

    private final SignOffClient signOff;
    private final ServiceCalls calls;
    private final double batchMinConfidence;

    public ReviewService(@RestClient SignOffClient signOff, ServiceCalls calls,
                         @ConfigProperty(name = "xxgk.console.review.batch-min-confidence", defaultValue = "0.8") double batchMinConfidence) {
        this.signOff = signOff;
        this.calls = calls;
        this.batchMinConfidence = batchMinConfidence;
    }

    /** The stage a person decides: a reviewer the office's, a leader the leader's. */
    public static String stageOf(ConsoleUser user) {
        if (user.is(ConsoleRole.REVIEWER)) {
            return "OFFICE";
        }
        if (user.is(ConsoleRole.LEADER)) {
            return "LEADER";
        }
        throw ProblemException.forbidden("只有审核人和分管领导处理审核队列 / only reviewers and leaders sign off");
    }

    public Queue queue(ConsoleUser user) {
        String stage = stageOf(user);
        List<SignOffClient.QueueItem> items = calls.call(CLASSIFY, () -> signOff.queue(user.schoolCode(), stage, 500));
        List<QueueRow> rows = new ArrayList<>();
        // classify orders by confidence already; sorted here too (stable) so the page never depends on it
        for (SignOffClient.QueueItem q : items.stream()
                .sorted(Comparator.comparingDouble(SignOffClient.QueueItem::confidence).reversed()).toList()) {
            if (!user.schoolCode().equals(q.schoolCode()) || !stage.equals(q.stage())) {
                continue;
            }
            rows.add(new QueueRow(q.itemId(), q.revision(), q.title(), q.department(), q.checklistItem(),
                    itemText(q.checklistItem()), percent(q.confidence()), reasons(q.holdReasons()), q.personalData(),
                    selectable(q), q.heldSince() == null ? "" : WHEN.format(q.heldSince()),
                    href(q.schoolCode(), q.itemId(), q.revision()), q.itemId() + "|" + q.revision()));
        }
        return new Queue(stage, SignOffLabels.stage(stage), percent(batchMinConfidence), rows);
    }

    private boolean selectable(SignOffClient.QueueItem q) {
        return q.confidence() >= batchMinConfidence && !q.personalData();
    }

    public Review review(ConsoleUser user, String schoolCode, String itemId, int revision) {
        checkOwnSchool(user, schoolCode, itemId, revision);
        SignOffClient.Detail d = calls.call(CLASSIFY, () -> signOff.detail(schoolCode, itemId, revision));
        String stage = stageOf(user);
        boolean mayDecide = stage.equals(d.awaiting());
        String cannot = null;
        if (!mayDecide) {
            cannot = d.awaiting() == null ? "审核已完成：" + SignOffLabels.status(d.status()) + "。"
                    : "该事项待" + SignOffLabels.stage(d.awaiting()) + "，" + SignOffLabels.role(user.role().name())
                    + "不能在此环节作出决定。";
        }
        SignOffClient.Suggestion s = d.suggestion();
        List<SignOffClient.Finding> findings = d.findings() == null ? List.of() : d.findings();
        Text original = d.original() == null ? null : new Text(
                segments(d.original().title(), findings, "title", false), segments(d.original().body(), findings, "body", false));
        Text publicCopy = d.publicCopy() == null ? new Text(List.of(), List.of()) : new Text(
                segments(d.publicCopy().title(), findings, "title", true), segments(d.publicCopy().body(), findings, "body", true));
        List<String> kinds = findings.stream().map(f -> f.label() == null ? f.kind() : f.label()).distinct().toList();
        List<String> attachments = d.attachments() == null ? List.of()
                : d.attachments().stream().map(SignOffClient.Attachment::fileName).toList();
        Integer item = s == null ? null : s.checklistItem();
        List<StepRow> history = (d.history() == null ? List.<SignOffClient.Step>of() : d.history()).stream().map(ReviewService::step).toList();
        return new Review(d.schoolCode(), d.itemId(), d.revision(), d.department(), SignOffLabels.status(d.status()), d.status(),
                SignOffLabels.mode(d.mode()), SignOffLabels.stage(d.awaiting()), stage,
                "OFFICE".equals(stage) && "TWO_LEVEL".equals(d.mode()) ? "送分管领导审定" : "公开", mayDecide, cannot, item,
                s == null ? null : s.checklistText(), s == null ? null : s.category(), s == null ? null : s.categoryName(),
                s == null ? "" : percent(s.confidence()), s == null ? "" : s.explanation(), reasons(d.holdReasons()),
                original, publicCopy, kinds, attachments, checklistOptions(item), withholdOptions(),
                history, href(d.schoolCode(), d.itemId(), d.revision()));
    }

    /** Takes one decision for the signed-in person at the stage the page showed. Returns the new status label. */
    public String decide(ConsoleUser user, String schoolCode, String itemId, int revision, DecisionForm form) {
        checkOwnSchool(user, schoolCode, itemId, revision);
        String stage = stageOf(user);
        List<FieldError> errors = new ArrayList<>();
        String action = form.action() == null ? "" : form.action().strip().toUpperCase(Locale.ROOT);
        Integer checklistItem = null;
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        String reason = null;
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            errors.add(new FieldError("note", "too-long", "at most " + MAX_NOTE_CHARS + " characters", "说明至多 " + MAX_NOTE_CHARS + " 字"));
        }
        switch (action) {
            case "APPROVE" -> { }
            case "CORRECT" -> {
                String v = form.checklistItem() == null ? "" : form.checklistItem().strip();
                if (v.isEmpty()) {
                    errors.add(new FieldError("checklistItem", "required", "choose a checklist item, or none",
                            "请选择清单事项，或“不属于清单”"));
                } else if (!"none".equals(v)) {
                    checklistItem = parseItem(v);
                    if (checklistItem == null) {
                        errors.add(new FieldError("checklistItem", "range", "the checklist item is 1 to 50, or none",
                                "清单事项应为 1-50，或“不属于清单”"));
                    }
                }
            }
            case "RETURN" -> {
                if (note == null) {
                    errors.add(new FieldError("note", "required", "a return needs a note for the department",
                            "退回部门须填写说明，部门会看到"));
                }
            }
            case "WITHHOLD" -> {
                reason = form.withholdReason() == null ? "" : form.withholdReason().strip();
                if (Arrays.stream(WithholdReason.values()).noneMatch(r -> r.name().equals(form.withholdReason()))) {
                    errors.add(new FieldError("withholdReason", "required", "choose the legal reason for withholding",
                            "不予公开须选择法定理由"));
                }
            }
            default -> errors.add(new FieldError("action", "unknown", "unknown decision", "未知的审核决定"));
        }
        if (form.stage() != null && !form.stage().isBlank() && !stage.equals(form.stage())) {
            errors.add(new FieldError("stage", "stage", "this page was for another stage", "该页面属于另一审核环节，请刷新"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the stage the page showed lets classify refuse a stale page (409); without it classify judges the role (403)
        String expected = form.stage() == null || form.stage().isBlank() ? null : stage;
        SignOffClient.DecisionRequest req = new SignOffClient.DecisionRequest(action, checklistItem, note, reason, expected);
        SignOffClient.DecisionView v = calls.call(CLASSIFY, () -> signOff.decide(schoolCode, itemId, revision, req));
        return SignOffLabels.status(v.status());
    }

    /** Approves the chosen revisions one by one; one row per chosen revision, in order. */
    public List<BatchRow> batchApprove(ConsoleUser user, List<String> keys) {
        String stage = stageOf(user);
        if (keys == null || keys.isEmpty()) {
            throw ProblemException.invalid("item", "required", "choose at least one item", "请至少勾选一项");
        }
        List<SignOffClient.BatchItem> items = new ArrayList<>();
        for (String k : keys) {
            int bar = k == null ? -1 : k.lastIndexOf('|');
            Integer rev = bar < 0 ? null : parsePositive(k.substring(bar + 1));
            if (rev == null || !ITEM_ID.matcher(k.substring(0, bar)).matches()) {
                throw ProblemException.invalid("item", "format", "an unknown item was chosen", "勾选的事项无效，请刷新后重试");
            }
            items.add(new SignOffClient.BatchItem(k.substring(0, bar), rev));
        }
        if (items.size() > 200) {
            throw ProblemException.invalid("item", "too-many", "at most 200 items at once", "一次至多批量同意 200 项");
        }
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        for (QueueRow r : queue(user).rows()) {
            titles.put(r.key(), r.title());
        }
        SignOffClient.BatchView v = calls.call(CLASSIFY, () -> signOff.batchApprove(new SignOffClient.BatchRequest(
                user.schoolCode(), stage, batchMinConfidence, items, null)));
        List<BatchRow> out = new ArrayList<>();
        for (SignOffClient.BatchResult r : v.results()) {
            boolean ok = "APPROVED".equals(r.outcome());
            out.add(new BatchRow(r.itemId(), r.revision(), titles.get(r.itemId() + "|" + r.revision()), ok, ok ? ("UNDELIVERED".equals(r.reason())
                    ? "已同意（消息稍后自动发送）" : "已同意") : "未处理：" + batchReason(r.reason()),
                    href(user.schoolCode(), r.itemId(), r.revision())));
        }
        return out;
    }

    private static String batchReason(String code) {
        return switch (code == null ? "" : code) {
            case "LOW_CONFIDENCE" -> "置信度低于批量同意的下限";
            case "PERSONAL_DATA" -> "含个人信息，须逐项审核";
            case "OTHER_STAGE", "WRONG_STAGE" -> "已进入其他审核环节";
            case "ALREADY_DECIDED" -> "已审核完毕";
            case "NOT_FOUND" -> "没有该事项";
            default -> code;
        };
    }

    // ---- helpers

    private static void checkOwnSchool(ConsoleUser user, String schoolCode, String itemId, int revision) {
        if (!user.schoolCode().equals(schoolCode)) {
            // another school's items do not exist for this person
            throw ProblemException.notFound("itemId", "没有该事项 / no such item");
        }
        if (itemId == null || !ITEM_ID.matcher(itemId).matches() || revision < 1) {
            throw ProblemException.notFound("itemId", "没有该事项 / no such item");
        }
    }

    static List<Segment> segments(String text, List<SignOffClient.Finding> findings, String field, boolean masked) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SignOffClient.Finding> own = findings.stream().filter(f -> field.equals(f.field()))
                .sorted(Comparator.comparingInt(f -> masked ? f.maskedStart() : f.start())).toList();
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (SignOffClient.Finding f : own) {
            int start = masked ? f.maskedStart() : f.start();
            int end = masked ? f.maskedEnd() : f.end();
            if (start < at || end > text.length() || start >= end) {
                continue; // overlapping or out of range: shown unmarked rather than cut wrongly
            }
            if (start > at) {
                out.add(new Segment(text.substring(at, start), null));
            }
            out.add(new Segment(text.substring(start, end), f.label() == null ? f.kind() : f.label()));
            at = end;
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null));
        }
        return out;
    }

    private static List<OptionGroup> checklistOptions(Integer suggested) {
        List<OptionGroup> groups = new ArrayList<>();
        for (ChecklistCategory c : CHECKLIST.categories()) {
            List<Option> options = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                options.add(new Option(String.valueOf(i.number()), i.number() + ". " + i.text(),
                        suggested != null && suggested == i.number()));
            }
            groups.add(new OptionGroup(c.label() + " " + c.name(), options));
        }
        return groups;
    }

    private static List<Option> withholdOptions() {
        return Arrays.stream(WithholdReason.values()).map(r -> new Option(r.name(), r.labelZh(), false)).toList();
    }

    private static StepRow step(SignOffClient.Step s) {
        String change = null;
        if ("CORRECT".equals(s.action())) {
            change = label(s.checklistItemBefore()) + " → " + label(s.checklistItemAfter());
        }
        return new StepRow(SignOffLabels.stage(s.stage()), SignOffLabels.action(s.action()), s.action(), s.actor(),
                SignOffLabels.role(s.role()), s.at() == null ? "" : WHEN.format(s.at()), s.note(), change,
                SignOffLabels.withholdReason(s.withholdReason()));
    }

    private static String label(Integer item) {
        return item == null ? "不属于清单" : item + ". " + Optional.ofNullable(itemText(item)).orElse("");
    }

    static String itemText(Integer item) {
        return item == null ? null : CHECKLIST.item(item).map(ChecklistItem::text).orElse(null);
    }

    private static List<HoldReason> reasons(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(c -> new HoldReason(c, SignOffLabels.holdReason(c))).toList();
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }

    private static Integer parseItem(String v) {
        Integer n = parsePositive(v);
        return n != null && CHECKLIST.item(n).isPresent() ? n : null;
    }

    private static Integer parsePositive(String v) {
        try {
            int n = Integer.parseInt(v.strip());
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String href(String school, String itemId, int revision) {
        return "/review/" + school + "/" + itemId + "/" + revision;
    }
}
