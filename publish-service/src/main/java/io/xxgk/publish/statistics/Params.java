package io.xxgk.publish.statistics;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.school.StatisticsPeriod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/**
 * Query parameters of the statistics, report and province endpoints, read as text so that a bad value is a 400
 * problem+json naming the parameter (never the framework's bare 404 for an unparseable number, never a 500).
 */
public final class Params {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private Params() {
    }

    public static School school(SchoolDirectory schools, String code) {
        return schools.find(code).orElseThrow(() -> problem(Problem.of(404, "unknown-school", "未找到学校 / Unknown school",
                "没有代码为 " + code + " 的学校 / no school with code '" + code + "'", "/api/v1/schools/" + code)));
    }

    public static int year(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("year", "required", "year is required, e.g. year=2022",
                    "缺少统计年度 year，例如 year=2022（学年制时 2022 表示 2021-09-01 至 2022-08-31）");
        }
        int year;
        try {
            year = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid("year", "not-a-number", "year must be a number such as 2022, not '" + raw + "'",
                    "year 应为年份数字（如 2022），而不是“" + raw + "”");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw invalid("year", "out-of-range", "year must be between " + MIN_YEAR + " and " + MAX_YEAR,
                    "year 应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间");
        }
        return year;
    }

    /** {@code school-year} or {@code calendar-year} (also SCHOOL_YEAR / CALENDAR_YEAR); absent: the school's own. */
    public static StatisticsPeriod period(String raw, School school) {
        if (raw == null || raw.isBlank()) {
            return school.statisticsPeriod();
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "school-year" -> StatisticsPeriod.SCHOOL_YEAR;
            case "calendar-year" -> StatisticsPeriod.CALENDAR_YEAR;
            default -> throw invalid("period", "invalid", "period must be school-year or calendar-year, not '" + raw + "'",
                    "period 应为 school-year（学年）或 calendar-year（自然年），而不是“" + raw + "”");
        };
    }

    public static WebApplicationException invalid(String parameter, String code, String message, String messageZh) {
        return problem(new Problem("https://xxgk.io/problems/validation", "请求参数无效 / Invalid parameter", 400,
                messageZh + " / " + message, null, List.of(new Problem.FieldError(parameter, code, message, messageZh))));
    }

    public static WebApplicationException problem(Problem p) {
        return new WebApplicationException(Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build());
    }
}
