package io.xxgk.publish.service.report.workflow;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.publish.service.report.ReportField;
import io.xxgk.publish.service.report.ReportFill;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks what the office sends and names every bad field in Chinese and English (all of them at once). */
final class ContentValidator {

    static final int MAX_NOTE_CHARS = 2000;
    static final int MAX_REFERENCE_CHARS = 200;

    private ContentValidator() {
    }

    static ReportFill fill(ReportContent content) {
        if (content == null) {
            throw ProblemException.invalid("$", "required", "a JSON object {\"prose\": {...}} is required",
                    "请求体应为 JSON 对象 {\"prose\": {...}}");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<ReportField, String> prose = new EnumMap<>(ReportField.class);
        if (content.prose() != null) {
            content.prose().forEach((key, value) -> {
                String field = "prose." + key;
                Optional<ReportField> f = ReportField.byKey(key).filter(ReportField::prose);
                if (f.isEmpty()) {
                    errors.add(unknown(field, key));
                    return;
                }
                if (value == null || value.isBlank()) {
                    return;
                }
                String text = value.strip();
                if (text.length() > ReportField.MAX_PROSE_CHARS) {
                    errors.add(new FieldError(field, "too-long", f.get().labelEn() + " is " + text.length()
                            + " characters; at most " + ReportField.MAX_PROSE_CHARS,
                            f.get().label() + "共" + text.length() + "字，最多" + ReportField.MAX_PROSE_CHARS + "字"));
                } else if (hasControlCharacters(text)) {
                    errors.add(new FieldError(field, "control-character", f.get().labelEn() + " contains a control character",
                            f.get().label() + "含有控制字符"));
                } else {
                    prose.put(f.get(), text);
                }
            });
        }
        if (content.figures() != null && !content.figures().isEmpty()) {
            // one source: the report reads the year-end figures of the period, recorded through their own API
            errors.add(new FieldError("figures", "moved", "the year-end figures are no longer filled into the report: record them"
                    + " with PUT /api/v1/console/schools/{school}/year-end-figures/{year}; the report reads them from there",
                    "年终数据不再填入年度报告：请通过 PUT /api/v1/console/schools/{school}/year-end-figures/{year} 填报，报告从那里读取"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReportFill(prose);
    }

    private static FieldError unknown(String field, String key) {
        String shown = ShownText.of(key);
        String known = String.join(", ", ReportField.proseFields().stream().map(ReportField::key).toList());
        return new FieldError(field, "unknown", "no blank named '" + shown + "'; known: " + known,
                "没有名为“" + shown + "”的空白项；可用：" + known);
    }

    /** Optional text: stripped, null when empty, refused when too long or with control characters (line breaks allowed). */
    static String optionalText(String field, String value, int maxChars, String labelZh) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > maxChars) {
            throw ProblemException.invalid(field, "too-long", field + " is " + t.length() + " characters; at most " + maxChars,
                    labelZh + "共" + t.length() + "字，最多" + maxChars + "字");
        }
        if (hasControlCharacters(t)) {
            throw ProblemException.invalid(field, "control-character", field + " contains a control character", labelZh + "含有控制字符");
        }
        return t;
    }

    /** Control characters other than line breaks and tabs, and unpaired surrogates. */
    static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (Character.isISOControl(c) || Character.isLowSurrogate(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
