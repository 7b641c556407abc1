package io.xxgk.publish.service.yearend;

import com.fasterxml.jackson.databind.JsonNode;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.publish.service.OfficeRoles;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.StatisticsPeriod;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.publish.repository.yearend.YearEndFigureEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The year-end figures of a school and period: the office (reviewer or admin) records them as one JSON object whose
 * members are the keys of {@link YearEndFigure}, each a value of the key's kind or {@code {"value": n, "approximate":
 * true}} for a count that is a lower bound; a PUT replaces the period's whole set. Every bad member is named.
 */
@ApplicationScoped
public class YearEndFiguresService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SchoolDataVersions versions;

    public YearEndFiguresService(SchoolDataVersions versions) {
        this.versions = versions;
    }

    @Transactional
    public YearEndFiguresView figures(School school, StatisticsPeriod kind, int year) {
        List<YearEndFigureEntity> rows = new ArrayList<>(YearEndFigureEntity.of(school.code(), kind.name(), year));
        rows.sort(Comparator.comparingInt(r -> YearEndFigure.byKey(r.figureKey).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        List<YearEndFiguresView.Figure> figures = new ArrayList<>();
        YearEndFigureEntity newest = null;
        for (YearEndFigureEntity r : rows) {
            YearEndFigure f = YearEndFigure.byKey(r.figureKey).orElse(null);
            if (f == null) {
                continue; // a key no longer defined is kept in the database, not shown
            }
            figures.add(new YearEndFiguresView.Figure(f.key(), f.group().name(), f.group().label(), f.label(), f.labelEn(),
                    f.kind().name(), f.unit(), r.countValue, r.percentValue, r.textValue, r.approximate, display(f, r)));
            if (newest == null || r.updatedAt.isAfter(newest.updatedAt)) {
                newest = r;
            }
        }
        return new YearEndFiguresView(school.code(), kind.name(), year, figures, newest == null ? null : newest.updatedBy,
                newest == null ? null : newest.updatedRole, newest == null ? null : newest.updatedAt);
    }

    /** Replaces the period's figures with {@code body}; a member whose value is null is left out. */
    @Transactional
    public YearEndFiguresView record(School school, StatisticsPeriod kind, int year, JsonNode body, ActingUser actor) {
        OfficeRoles.requireReviewerOrAdmin(actor, "填报年终数据", "record the year-end figures");
        Map<YearEndFigure, Value> values = parse(body);
        YearEndFigureEntity.deleteOf(school.code(), kind.name(), year);
        versions.changed(school.code());
        YearEndFigureEntity.flush();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Map.Entry<YearEndFigure, Value> e : values.entrySet()) {
            YearEndFigureEntity r = new YearEndFigureEntity();
            r.schoolCode = school.code();
            r.periodKind = kind.name();
            r.periodYear = year;
            r.figureKey = e.getKey().key();
            r.countValue = e.getValue().count();
            r.percentValue = e.getValue().percent();
            r.textValue = e.getValue().text();
            r.approximate = e.getValue().approximate();
            r.updatedBy = actor.name();
            r.updatedRole = actor.role().name();
            r.updatedAt = now;
            r.persist();
        }
        return figures(school, kind, year);
    }

    private record Value(Long count, BigDecimal percent, String text, boolean approximate) {
    }

    /** Every member checked; all the errors at once, each naming its member, in Chinese and English. */
    static Map<YearEndFigure, Value> parse(JsonNode body) {
        if (body == null || body.isNull() || !body.isObject()) {
            throw ProblemException.invalid("body", "not-an-object", "the body must be a JSON object of year-end figures, e.g. "
                    + "{\"wechatFollowers\": 23500}", "请求体应为年终数据的 JSON 对象，例如 {\"wechatFollowers\": 23500}");
        }
        Map<YearEndFigure, Value> out = new EnumMap<>(YearEndFigure.class);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String name = m.getKey();
            YearEndFigure f = YearEndFigure.byKey(name).orElse(null);
            if (f == null) {
                String known = Arrays.stream(YearEndFigure.values()).map(YearEndFigure::key).collect(Collectors.joining(", "));
                errors.add(new FieldError(name, "unknown-field", "'" + ShownText.of(name) + "' is not a year-end figure; known: " + known,
                        "“" + ShownText.of(name) + "”不是年终数据项，可填：" + known));
                continue;
            }
            JsonNode v = m.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            Value parsed = value(f, v, errors);
            if (parsed != null) {
                out.put(f, parsed);
            }
        }
        consistent(out, YearEndFigure.NATIONAL_MEDIA_REPORTS, YearEndFigure.MEDIA_REPORTS, errors);
        consistent(out, YearEndFigure.PROVINCIAL_MEDIA_REPORTS, YearEndFigure.MEDIA_REPORTS, errors);
        consistent(out, YearEndFigure.SUNSHINE_RESOLVED, YearEndFigure.SUNSHINE_CASES, errors);
        consistent(out, YearEndFigure.WECHAT_TOP_ARTICLE_READS, YearEndFigure.WECHAT_READS, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }

    private static Value value(YearEndFigure f, JsonNode v, List<FieldError> errors) {
        boolean approximate = false;
        JsonNode raw = v;
        if (v.isObject()) {
            if (f.kind() != YearEndFigure.Kind.COUNT) {
                errors.add(typeError(f));
                return null;
            }
            for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!n.equals("value") && !n.equals("approximate")) {
                    errors.add(new FieldError(f.key() + "." + n, "unknown-field", f.key() + " takes only value and approximate, not '"
                            + ShownText.of(n) + "'", f.key() + " 只能包含 value 和 approximate，不能包含“" + ShownText.of(n) + "”"));
                    return null;
                }
            }
            JsonNode a = v.get("approximate");
            if (a != null && !a.isNull() && !a.isBoolean()) {
                errors.add(new FieldError(f.key() + ".approximate", "not-a-boolean", f.key() + ".approximate must be true or false",
                        f.key() + ".approximate 应为 true 或 false"));
                return null;
            }
            approximate = a != null && a.asBoolean(false);
            raw = v.get("value");
            if (raw == null || raw.isNull()) {
                errors.add(new FieldError(f.key() + ".value", "required", f.key() + ".value is required", f.key() + ".value 不能为空"));
                return null;
            }
        }
        switch (f.kind()) {
            case COUNT -> {
                if (!raw.isIntegralNumber() || !raw.canConvertToLong() || raw.asLong() < 0 || raw.asLong() > YearEndFigure.MAX_COUNT) {
                    errors.add(new FieldError(f.key(), "not-a-count", f.key() + " (" + f.labelEn() + ") must be a whole number from 0 to "
                            + YearEndFigure.MAX_COUNT + ", not " + ShownText.of(raw.toString()),
                            f.key() + "（" + f.label() + "）应为 0 到 " + YearEndFigure.MAX_COUNT + " 之间的整数，而不是 " + ShownText.of(raw.toString())));
                    return null;
                }
                return new Value(raw.asLong(), null, null, approximate);
            }
            case PERCENT -> {
                BigDecimal p = raw.isNumber() ? raw.decimalValue() : null;
                if (p == null || p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.stripTrailingZeros().scale() > 1) {
                    errors.add(new FieldError(f.key(), "not-a-percent", f.key() + " (" + f.labelEn() + ") must be a percentage from 0 to 100"
                            + " with at most one decimal, e.g. 96.5, not " + ShownText.of(raw.toString()),
                            f.key() + "（" + f.label() + "）应为 0 到 100 之间、最多一位小数的百分数（如 96.5），而不是 " + ShownText.of(raw.toString())));
                    return null;
                }
                return new Value(null, p.setScale(1, java.math.RoundingMode.UNNECESSARY), null, false);
            }
            default -> {
                String t = raw.isTextual() ? raw.asText().strip() : null;
                if (t == null || t.isEmpty()) {
                    errors.add(new FieldError(f.key(), "not-a-text", f.key() + " (" + f.labelEn() + ") must be a non-empty text",
                            f.key() + "（" + f.label() + "）应为非空文字"));
                    return null;
                }
                if (t.codePointCount(0, t.length()) > YearEndFigure.MAX_TEXT) {
                    errors.add(new FieldError(f.key(), "too-long", f.key() + " may have at most " + YearEndFigure.MAX_TEXT + " characters",
                            f.key() + "（" + f.label() + "）不能超过 " + YearEndFigure.MAX_TEXT + " 个字符"));
                    return null;
                }
                return new Value(null, null, t, false);
            }
        }
    }

    private static FieldError typeError(YearEndFigure f) {
        return new FieldError(f.key(), f.kind() == YearEndFigure.Kind.PERCENT ? "not-a-percent" : "not-a-text",
                f.key() + " (" + f.labelEn() + ") must be " + (f.kind() == YearEndFigure.Kind.PERCENT ? "a percentage" : "a text")
                        + "; only counts may be given as {\"value\": n, \"approximate\": true}",
                f.key() + "（" + f.label() + "）应为" + (f.kind() == YearEndFigure.Kind.PERCENT ? "百分数" : "文字")
                        + "；只有计数可以写成 {\"value\": n, \"approximate\": true}");
    }

    /** A part (e.g. national media reports) cannot exceed its whole (media reports) when both are given exactly. */
    private static void consistent(Map<YearEndFigure, Value> values, YearEndFigure part, YearEndFigure whole, List<FieldError> errors) {
        Value p = values.get(part);
        Value w = values.get(whole);
        if (p != null && w != null && !w.approximate() && p.count() > w.count()) {
            errors.add(new FieldError(part.key(), "exceeds-total", part.key() + " (" + p.count() + ") cannot exceed " + whole.key()
                    + " (" + w.count() + ")", part.key() + "（" + part.label() + "，" + p.count() + "）不能大于 " + whole.key()
                    + "（" + whole.label() + "，" + w.count() + "）"));
        }
    }

    static String display(YearEndFigure f, YearEndFigureEntity r) {
        return switch (f.kind()) {
            case COUNT -> r.countValue + (r.approximate ? "余" : "") + f.unit();
            case PERCENT -> r.percentValue.toPlainString() + "%";
            case TEXT -> r.textValue;
        };
    }
}
