package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.school.StatisticsPeriod;

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
        return schools.find(code).orElseThrow(() -> ProblemException.unknownSchool(code));
    }

    public static int year(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("year", "required", "year is required, e.g. year=2022",
                    "缺少统计年度 year，例如 year=2022（学年制时 2022 表示 2021-09-01 至 2022-08-31）");
        }
        int year;
        String shown = ShownText.of(raw);
        try {
            year = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid("year", "not-a-number", "year must be a number such as 2022, not '" + shown + "'",
                    "year 应为年份数字（如 2022），而不是“" + shown + "”");
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
            default -> throw invalid("period", "invalid", "period must be school-year or calendar-year, not '" + ShownText.of(raw) + "'",
                    "period 应为 school-year（学年）或 calendar-year（自然年），而不是“" + ShownText.of(raw) + "”");
        };
    }

    public static ProblemException invalid(String parameter, String code, String message, String messageZh) {
        return ProblemException.invalid(parameter, code, message, messageZh);
    }
}
