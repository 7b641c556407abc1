package io.xxgk.ingest.service;

import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Scope;
import io.xxgk.contract.event.WithholdReason;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.contract.api.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an item field by field and reports every problem at once, in Chinese and English. The simple per-field
 * rules are constraints on {@link ItemRequest}, checked through Bean Validation; the rules that depend on the school,
 * on configured sizes or on other fields are code here.
 */
@ApplicationScoped
public class ItemValidator {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern ID = Pattern.compile(ItemRequest.ID_PATTERN);
    /** publish stores source URLs of up to 1,000 characters. */
    static final int MAX_URL_BYTES = 1000;

    private final SchoolDirectory schools;
    private final IngestConfig config;
    private final Clock clock;
    private final Validator constraints;

    public ItemValidator(SchoolDirectory schools, IngestConfig config, Clock clock, Validator constraints) {
        this.constraints = constraints;
        this.schools = schools;
        this.config = config;
        this.clock = clock;
    }

    public List<FieldError> validate(ItemRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("$", "required", "request body is required", "请求体不能为空"));
            return errors;
        }
        ConstraintErrors annotated = ConstraintErrors.of(constraints.validate(r));
        if (TextRules.check("id", r.id(), 128, errors)) {
            annotated.report("id", errors);
        }
        if (TextRules.check("schoolCode", r.schoolCode(), 32, errors)) {
            if (!annotated.report("schoolCode", errors) && schools.find(r.schoolCode()).isEmpty()) {
                errors.add(new FieldError("schoolCode", "unknown", "unknown school '" + r.schoolCode() + "'", "未知的学校代码 " + r.schoolCode()));
            }
        }
        if (TextRules.check("department", r.department(), 400, errors)) {
            if (!annotated.report("department", errors) && r.department().strip().length() > 100) {
                errors.add(new FieldError("department", "too-long", "department is longer than 100 characters", "部门名称超过 100 个字符"));
            }
        }
        if (TextRules.check("title", r.title(), 4L * config.items().maxTitleChars(), errors)) {
            if (!annotated.report("title", errors) && r.title().strip().length() > config.items().maxTitleChars()) {
                errors.add(new FieldError("title", "too-long", "title is longer than " + config.items().maxTitleChars() + " characters",
                        "标题超过 " + config.items().maxTitleChars() + " 个字符"));
            }
        }
        if (TextRules.check("body", r.body(), config.items().maxBodyBytes(), errors)
                && r.body() != null && r.body().length() > config.items().maxBodyChars()) {
            errors.add(new FieldError("body", "too-large", "body is longer than " + config.items().maxBodyChars() + " characters",
                    "正文超过 " + config.items().maxBodyChars() + " 个字符，请以附件形式上传"));
        }
        if (TextRules.check("kind", r.kind(), 64, errors) && r.kind() != null && parseEnum(ItemKind.class, r.kind()) == null) {
            errors.add(new FieldError("kind", "unknown", "unknown kind '" + r.kind() + "'; one of " + Arrays.toString(ItemKind.values()),
                    "未知的信息类别 " + r.kind() + "，应为 " + Arrays.toString(ItemKind.values()) + " 之一"));
        }
        LocalDate produced = TextRules.check("producedDate", r.producedDate(), 32, errors)
                ? date(r.producedDate(), "producedDate", "信息生成日期", errors) : null;
        LocalDate published = TextRules.check("publishedDate", r.publishedDate(), 32, errors)
                ? date(r.publishedDate(), "publishedDate", "发布日期", errors) : null;
        if (produced != null && published != null && published.isBefore(produced)) {
            errors.add(new FieldError("publishedDate", "before-produced", "publishedDate is before producedDate", "发布日期早于信息生成日期"));
        }
        if (r.channels() != null) {
            if (r.channels().size() > Channel.values().length * 2) {
                errors.add(new FieldError("channels", "too-many", "at most " + Channel.values().length * 2 + " channels",
                        "公开渠道最多 " + Channel.values().length * 2 + " 个"));
            } else {
                for (int i = 0; i < r.channels().size(); i++) {
                    String c = r.channels().get(i);
                    if (TextRules.check("channels[" + i + "]", c, 64, errors) && parseEnum(Channel.class, c) == null) {
                        errors.add(new FieldError("channels[" + i + "]", "unknown", "unknown channel '" + c + "'; one of "
                                + Arrays.toString(Channel.values()), "未知的公开渠道 " + c + "，应为 " + Arrays.toString(Channel.values()) + " 之一"));
                    }
                }
            }
        }
        if (TextRules.check("sourceUrl", r.sourceUrl(), MAX_URL_BYTES, errors)
                && r.sourceUrl() != null && !r.sourceUrl().isBlank() && !httpUrl(r.sourceUrl())) {
            errors.add(new FieldError("sourceUrl", "format", "sourceUrl must be an http(s) URL", "原文链接必须是 http(s) 地址"));
        }
        annotated.report("checklistHint", errors);
        if (TextRules.check("scope", r.scope(), 32, errors) && !blank(r.scope()) && parseEnum(Scope.class, r.scope()) == null) {
            errors.add(new FieldError("scope", "unknown", "unknown scope '" + r.scope() + "'; one of " + Arrays.toString(Scope.values()),
                    "未知的公开范围 " + r.scope() + "，应为 PUBLIC（社会公开）或 INTERNAL（校内公开）"));
        }
        if (TextRules.check("withholdReason", r.withholdReason(), 64, errors) && Boolean.TRUE.equals(r.withheld())) {
            if (blank(r.withholdReason())) {
                errors.add(new FieldError("withholdReason", "required", "a withheld item needs its legal reason", "不予公开的事项必须注明理由"));
            } else if (parseEnum(WithholdReason.class, r.withholdReason()) == null) {
                errors.add(new FieldError("withholdReason", "unknown", "unknown withholdReason '" + r.withholdReason() + "'; one of "
                        + Arrays.toString(WithholdReason.values()), "未知的不予公开理由 " + r.withholdReason() + "，应为 "
                        + Arrays.toString(WithholdReason.values()) + " 之一"));
            }
        }
        if (r.attachments() != null) {
            int max = config.items().maxAttachments();
            if (r.attachments().size() > max) {
                errors.add(new FieldError("attachments", "too-many", "at most " + max + " attachments per item, got "
                        + r.attachments().size(), "每条事项最多 " + max + " 个附件，实际 " + r.attachments().size() + " 个"));
            } else {
                for (int i = 0; i < r.attachments().size(); i++) {
                    if (!annotated.report("attachments[" + i + "]", errors)) {
                        TextRules.check("attachments[" + i + "]", r.attachments().get(i), 64, errors);
                    }
                }
            }
        }
        return errors;
    }

    /** An item id as it appears in a path: the same rule as in the body. */
    public static void requireItemId(String id) {
        List<FieldError> errors = new ArrayList<>();
        if (TextRules.check("id", id, 128, errors) && (id == null || !ID.matcher(id).matches())) {
            errors.add(new FieldError("id", "format", "id must be 1-128 letters, digits or . _ : -, starting with a letter or digit",
                    "编号 id 只能包含字母、数字和 . _ : -，长度 1-128"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private LocalDate date(String value, String field, String label, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
                errors.add(new FieldError(field, "future", field + " " + value + " is in the future", label + " " + value + " 晚于今天"));
                return null;
            }
            if (d.getYear() < 1950) {
                errors.add(new FieldError(field, "range", field + " " + value + " is before 1950", label + " " + value + " 早于 1950 年"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " '" + value + "' is not an ISO date (YYYY-MM-DD)",
                    label + " '" + value + "' 不是有效日期，格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean httpUrl(String s) {
        try {
            URI u = URI.create(s.strip());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
