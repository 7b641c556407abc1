package io.xxgk.publish.service.report.workflow;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.publish.service.report.ReportField;
import io.xxgk.publish.service.report.ReportFill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks what the office sends and names every bad field in Chinese and English (all of them at once). */
final class ContentValidator {

    static final int MAX_NOTE_CHARS = 2000;
    static final int MAX_REFERENCE_CHARS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ContentValidator() {
    }

    static ReportFill fill(ReportContent content) {
        if (content == null) {
            throw ProblemException.invalid("$", "required", "a JSON object {\"prose\": {...}, \"figures\": {...}} is required",
                    "请求体应为 JSON 对象 {\"prose\": {...}, \"figures\": {...}}");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<ReportField, String> prose = new EnumMap<>(ReportField.class);
        Map<ReportField, BigDecimal> figures = new EnumMap<>(ReportField.class);
        if (content.prose() != null) {
            content.prose().forEach((key, value) -> {
                String field = "prose." + key;
                Optional<ReportField> f = ReportField.byKey(key).filter(ReportField::prose);
                if (f.isEmpty()) {
                    errors.add(unknown(field, key, true));
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
        if (content.figures() != null) {
            content.figures().forEach((key, value) -> {
                String field = "figures." + key;
                Optional<ReportField> f = ReportField.byKey(key).filter(x -> !x.prose());
                if (f.isEmpty()) {
                    errors.add(unknown(field, key, false));
                    return;
                }
                if (value == null) {
                    return;
                }
                figure(field, f.get(), value).ifPresentOrElse(v -> figures.put(f.get(), v), () -> errors.add(figureError(field, f.get(), value)));
            });
        }
        BigDecimal media = figures.get(ReportField.MEDIA_REPORTS);
        BigDecimal national = figures.get(ReportField.NATIONAL_MEDIA_REPORTS);
        if (media != null && national != null && national.compareTo(media) > 0) {
            errors.add(new FieldError("figures." + ReportField.NATIONAL_MEDIA_REPORTS.key(), "exceeds-total",
                    "national media reports (" + national + ") cannot exceed all media reports (" + media + ")",
                    "其中国家级媒体报道次数（" + national + "）不能多于媒体报道次数（" + media + "）"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReportFill(prose, figures);
    }

    /** The value in its stored form, or empty when it is not a valid value of the field. */
    private static Optional<BigDecimal> figure(String field, ReportField f, BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.empty();
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0, RoundingMode.UNNECESSARY);
        }
        if (f.kind() == ReportField.Kind.COUNT) {
            return v.scale() == 0 && v.compareTo(BigDecimal.valueOf(ReportField.MAX_COUNT)) <= 0 ? Optional.of(v) : Optional.empty();
        }
        return v.scale() <= 1 && v.compareTo(HUNDRED) <= 0 ? Optional.of(v) : Optional.empty();
    }

    private static FieldError figureError(String field, ReportField f, BigDecimal value) {
        String shown = ShownText.of(value.toPlainString());
        if (value.signum() < 0) {
            return new FieldError(field, "negative", f.labelEn() + " cannot be negative: " + shown, f.label() + "不能为负数：" + shown);
        }
        if (f.kind() == ReportField.Kind.COUNT) {
            if (value.stripTrailingZeros().scale() > 0) {
                return new FieldError(field, "not-a-whole-number", f.labelEn() + " must be a whole number, not " + shown,
                        f.label() + "应为整数，而不是 " + shown);
            }
            return new FieldError(field, "too-large", f.labelEn() + " must be at most " + ReportField.MAX_COUNT,
                    f.label() + "不能超过 " + ReportField.MAX_COUNT);
        }
        if (value.compareTo(HUNDRED) > 0) {
            return new FieldError(field, "out-of-range", f.labelEn() + " is a percentage from 0 to 100, not " + shown,
                    f.label() + "应为0到100之间的百分数，而不是 " + shown);
        }
        return new FieldError(field, "precision", f.labelEn() + " has at most one decimal, not " + shown,
                f.label() + "最多保留一位小数，而不是 " + shown);
    }

    private static FieldError unknown(String field, String key, boolean prose) {
        String shown = ShownText.of(key);
        String known = String.join(", ", (prose ? ReportField.proseFields() : ReportField.figureFields()).stream()
                .map(ReportField::key).toList());
        return new FieldError(field, "unknown", "no " + (prose ? "blank" : "figure") + " named '" + shown + "'; known: " + known,
                "没有名为“" + shown + "”的" + (prose ? "空白项" : "数字项") + "；可用：" + known);
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
