package io.xxgk.publish.service.statistics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holiday calendar as data files: the years it covers, an operator's override, and what it says about gaps. */
class HolidayCalendarTest {

    private static WorkingDays bundled() {
        return new WorkingDays(HolidayCalendar.load(Optional.empty()), List.of(), List.of());
    }

    @Test
    void the2026SpringFestivalMakesSeventeenWorkingDaysOutOfTwentyOneWeekdays() {
        WorkingDays days = bundled();
        LocalDate produced = LocalDate.of(2026, 2, 6);
        LocalDate published = LocalDate.of(2026, 3, 9);
        assertEquals(17, days.between(produced, published));
        assertEquals(21, new WorkingDays(List.of(), List.of()).between(produced, published));
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 2, 14)), "Saturday 2/14 is worked");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 2, 23)), "Monday 2/23 is a holiday");
    }

    @Test
    void theFourthQuarterOf2020IsCovered() {
        WorkingDays days = bundled();
        // 10/1-10/8 off; Friday 10/9 and Saturday 10/10 worked; Monday 10/12
        assertEquals(3, days.between(LocalDate.of(2020, 9, 30), LocalDate.of(2020, 10, 12)));
        assertTrue(days.isWorkingDay(LocalDate.of(2020, 9, 27)), "Sunday 9/27 is worked");
        // the Spring Festival of 2020 was extended to 2/2, so Saturday 2/1 was not worked after all
        assertFalse(days.isWorkingDay(LocalDate.of(2020, 2, 1)));
        assertFalse(days.isWorkingDay(LocalDate.of(2020, 1, 31)));
    }

    @Test
    void everyYearFrom2020To2026IsCoveredAndOthersAreNamed() {
        WorkingDays days = bundled();
        assertEquals(List.of(), days.uncoveredYears(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31)));
        assertNull(days.calendarNote(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)));
        assertEquals(List.of(2027), days.uncoveredYears(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)));
        String note = days.calendarNote(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        assertTrue(note.contains("2027") && note.contains("节假日日历未收录"), note);
    }

    @Test
    void anOperatorFileReplacesTheBundledYear(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2026.tsv"), "# test\n2026-03-02\t休\t测试假日\n");
        Files.writeString(dir.resolve("2027.tsv"), "2027-01-01\t休\t元旦\n");
        WorkingDays days = new WorkingDays(HolidayCalendar.load(Optional.of(dir)), List.of(), List.of());
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 2, 16)), "the bundled 2026 Spring Festival is replaced");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 3, 2)));
        assertFalse(days.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertEquals(List.of(), days.uncoveredYears(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)));
        assertFalse(days.isWorkingDay(LocalDate.of(2025, 10, 8)), "other bundled years stay");
    }

    @Test
    void aBadLineIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.tsv"), "2027-01-01\t休\t元旦\n2027-02-30\t休\t坏日期\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HolidayCalendar.load(Optional.of(dir)));
        assertTrue(e.getMessage().contains("2027.tsv:2"), e.getMessage());
        Files.writeString(dir.resolve("2027.tsv"), "2026-12-31\t休\t错年\n");
        assertThrows(IllegalStateException.class, () -> HolidayCalendar.load(Optional.of(dir)));
    }
}
