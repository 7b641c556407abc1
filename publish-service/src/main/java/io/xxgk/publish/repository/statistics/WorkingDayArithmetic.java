package io.xxgk.publish.repository.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;

/**
 * The SQL function {@code xxgk_working_days} (V2) in Java, by the same arithmetic: weekdays between the two dates, less
 * the weekday holidays, plus the weekend make-up working days of a {@link WorkingCalendar} (each counted by binary
 * search), so that a long delay costs no more than a short one. It also counts dates before 1900 correctly, where the
 * SQL function clamps.
 */
public final class WorkingDayArithmetic {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(1900, 1, 1);

    private final List<LocalDate> weekdayHolidays;
    private final List<LocalDate> weekendWorkdays;

    public WorkingDayArithmetic(WorkingCalendar calendar) {
        this.weekdayHolidays = calendar.weekdayHolidays().stream().sorted().distinct().toList();
        this.weekendWorkdays = calendar.weekendWorkdays().stream().sorted().distinct().toList();
    }

    /** Working days after {@code d1} up to and including {@code d2}; 0 when either is null or d2 is not after d1. */
    public int between(LocalDate d1, LocalDate d2) {
        if (d1 == null || d2 == null || !d2.isAfter(d1)) {
            return 0;
        }
        return (int) (weekdaysBefore(d2.plusDays(1)) - weekdaysBefore(d1.plusDays(1))
                - (atOrBefore(weekdayHolidays, d2) - atOrBefore(weekdayHolidays, d1))
                + (atOrBefore(weekendWorkdays, d2) - atOrBefore(weekendWorkdays, d1)));
    }

    /** Mondays to Fridays before {@code d}, counted from {@link #MONDAY} (negative before it). */
    private static long weekdaysBefore(LocalDate d) {
        long days = ChronoUnit.DAYS.between(MONDAY, d);
        return 5 * Math.floorDiv(days, 7) + Math.min(Math.floorMod(days, 7), 5);
    }

    private static int atOrBefore(List<LocalDate> sorted, LocalDate d) {
        int i = Collections.binarySearch(sorted, d);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
