package io.xxgk.publish.service.statistics;

import io.xxgk.publish.repository.statistics.WorkingDayArithmetic;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The arithmetic the maintained counts use (binary search over the calendar) counts the working days the statistics'
 * rule counts day by day ({@link WorkingDays#between}), with the shipped holiday calendar and an operator's extra dates.
 */
class WorkingDayArithmeticTest {

    @Test
    void countsWhatTheDayByDayRuleCounts() {
        WorkingDays rule = new WorkingDays(HolidayCalendar.load(Optional.empty()), List.of(LocalDate.of(2027, 1, 1),
                LocalDate.of(2026, 3, 9)), List.of(LocalDate.of(2027, 1, 9)));
        WorkingDayArithmetic arithmetic = new WorkingDayArithmetic(rule.calendar());
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LocalDate from = LocalDate.of(2018, 12, 1).plusDays(random.nextInt(9 * 365));
            LocalDate to = from.plusDays(random.nextInt(10) == 0 ? random.nextInt(800) - 100 : random.nextInt(70));
            assertEquals(rule.between(from, to), arithmetic.between(from, to), from + " → " + to);
        }
        // far apart, and before 1900 (where the SQL function clamps)
        for (LocalDate[] pair : new LocalDate[][]{{LocalDate.of(1, 1, 1), LocalDate.of(1, 3, 1)},
                {LocalDate.of(1899, 12, 20), LocalDate.of(1900, 1, 10)}, {LocalDate.of(1990, 5, 5), LocalDate.of(2026, 5, 5)}}) {
            assertEquals(rule.between(pair[0], pair[1]), arithmetic.between(pair[0], pair[1]), pair[0] + " → " + pair[1]);
        }
        assertEquals(0, arithmetic.between(null, LocalDate.of(2024, 1, 1)));
        assertEquals(0, arithmetic.between(LocalDate.of(2024, 1, 1), null));
    }
}
