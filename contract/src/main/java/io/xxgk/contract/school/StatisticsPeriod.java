package io.xxgk.contract.school;

import java.time.LocalDate;

/** The year an annual report counts: school year (9/1 to 8/31, named by the year it ends) or calendar year. */
public enum StatisticsPeriod {
    SCHOOL_YEAR, CALENDAR_YEAR;

    /** First day of the period named {@code year}; a school year 2022 runs from 2021-09-01 to 2022-08-31. */
    public LocalDate start(int year) {
        return this == SCHOOL_YEAR ? LocalDate.of(year - 1, 9, 1) : LocalDate.of(year, 1, 1);
    }

    /** Last day (inclusive). */
    public LocalDate end(int year) {
        return this == SCHOOL_YEAR ? LocalDate.of(year, 8, 31) : LocalDate.of(year, 12, 31);
    }

    /** The period year that contains {@code date}. */
    public int yearOf(LocalDate date) {
        return this == SCHOOL_YEAR && date.getMonthValue() >= 9 ? date.getYear() + 1 : date.getYear();
    }
}
