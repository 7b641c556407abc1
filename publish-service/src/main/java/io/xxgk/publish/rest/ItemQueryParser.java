package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.service.TextChecks;
import io.xxgk.publish.service.browse.ItemQuery;
import io.xxgk.publish.service.browse.PageCursor;
import io.xxgk.publish.service.browse.SearchTerms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the filters of a list request into an {@link ItemQuery}. Every parameter arrives as text and is checked here
 * (so "abc" is a 400 naming the parameter, not JAX-RS's 404 for an unconvertible query parameter); an empty value
 * means "no filter", as a website form sends it.
 */
public final class ItemQueryParser {

    private ItemQueryParser() {
    }

    /** Raw query parameters as received. */
    public record Params(String category, String checklistItem, String department, String kind, String from, String to,
                         String q, String limit, String cursor) {
    }

    /**
     * @throws ProblemException 400 problem+json listing every invalid parameter
     */
    public static ItemQuery parse(Params p, Checklist checklist) {
        List<FieldError> errors = new ArrayList<>();
        controlCharacters(p.department(), "department", "部门", errors);
        controlCharacters(p.kind(), "kind", "信息类型", errors);
        controlCharacters(p.q(), "q", "关键词", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        Integer category = integer(p.category(), "category", errors);
        if (category != null && checklist.categories().stream().noneMatch(c -> c.number() == category)) {
            int max = checklist.categories().stream().mapToInt(ChecklistCategory::number).max().orElse(10);
            errors.add(new FieldError("category", "range", "category must be a checklist category, 1 to " + max,
                    "category（类别）应为 1 到 " + max + " 之间的整数"));
        }
        Integer item = integer(p.checklistItem(), "checklistItem", errors);
        if (item != null && checklist.item(item).isEmpty()) {
            errors.add(new FieldError("checklistItem", "range",
                    "checklistItem must be an item of the checklist, 1 to " + checklist.itemCount(),
                    "checklistItem（清单事项）应为 1 到 " + checklist.itemCount() + " 之间的整数"));
        }

        String department = blankToNull(p.department());
        if (department != null && department.length() > ItemQuery.MAX_DEPARTMENT_CHARS) {
            errors.add(new FieldError("department", "too-long", "department is longer than " + ItemQuery.MAX_DEPARTMENT_CHARS + " characters",
                    "department（部门）超过 " + ItemQuery.MAX_DEPARTMENT_CHARS + " 个字符"));
        }

        ItemKind kind = null;
        String kindText = blankToNull(p.kind());
        if (kindText != null) {
            kind = kind(kindText);
            if (kind == null) {
                String names = Arrays.stream(ItemKind.values()).map(Enum::name).collect(Collectors.joining(", "));
                errors.add(new FieldError("kind", "unknown", "unknown kind '" + ShownText.of(kindText) + "'; one of " + names,
                        "未知的信息类型 " + ShownText.of(kindText) + "，应为 " + names + " 之一（或其中文名称）"));
            }
        }

        LocalDate from = date(p.from(), "from", errors);
        LocalDate to = date(p.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "before-from", "to is before from", "to（截止日期）早于 from（起始日期）"));
        }

        List<String> terms = List.of();
        String q = p.q() == null ? null : p.q().strip();
        if (q != null && q.length() > ItemQuery.MAX_Q_CHARS) {
            errors.add(new FieldError("q", "too-long", "q is longer than " + ItemQuery.MAX_Q_CHARS + " characters",
                    "q（关键词）超过 " + ItemQuery.MAX_Q_CHARS + " 个字符"));
        } else if (q != null && !q.isEmpty()) {
            terms = SearchTerms.split(q);
            if (terms.size() > ItemQuery.MAX_TERMS) {
                errors.add(new FieldError("q", "too-many", "q has more than " + ItemQuery.MAX_TERMS + " terms",
                        "q（关键词）超过 " + ItemQuery.MAX_TERMS + " 个"));
            }
        }

        int limit = ItemQuery.DEFAULT_LIMIT;
        Integer requested = integer(p.limit(), "limit", errors);
        if (requested != null) {
            if (requested < 1 || requested > ItemQuery.MAX_LIMIT) {
                errors.add(new FieldError("limit", "range", "limit must be between 1 and " + ItemQuery.MAX_LIMIT,
                        "limit（每页条数）应在 1 到 " + ItemQuery.MAX_LIMIT + " 之间"));
            } else {
                limit = requested;
            }
        }

        PageCursor after = null;
        String cursor = blankToNull(p.cursor());
        if (cursor != null) {
            after = PageCursor.decode(cursor).orElse(null);
            if (after == null) {
                errors.add(new FieldError("cursor", "invalid", "cursor is not valid; use the next cursor of the previous page",
                        "cursor 无效，请使用上一页返回的 next"));
            }
        }

        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ItemQuery(category, item, department, kind, from, to, terms, limit, after);
    }

    private static void controlCharacters(String value, String field, String zh, List<FieldError> errors) {
        if (value != null && TextChecks.hasControlCharacters(value)) {
            errors.add(new FieldError(field, "control-character", field + " contains a control character (such as NUL)",
                    field + "（" + zh + "）含有控制字符（如 NUL）"));
        }
    }

    private static ItemKind kind(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (ItemKind k : ItemKind.values()) {
            if (k.name().equals(upper) || k.label().equals(text)) {
                return k;
            }
        }
        return null;
    }

    private static Integer integer(String text, String field, List<FieldError> errors) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "format", field + " must be an integer", field + " 应为整数"));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<FieldError> errors) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(t);
            if (d.getYear() < 1900 || d.getYear() > 9999) {
                errors.add(new FieldError(field, "range", field + " must be between 1900-01-01 and 9999-12-31",
                        field + " 应在 1900-01-01 到 9999-12-31 之间"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " is not an ISO date (YYYY-MM-DD)", field + " 格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
