package io.xxgk.publish.rest.site;

import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolKind;
import io.xxgk.contract.school.StatisticsPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The province page opens on the newest year that has begun for every one of its schools. */
class ProvinceYearTest {

    static School school(String code, StatisticsPeriod period) {
        return new School(code, code, SchoolKind.VOCATIONAL, "湖南省", period, "national-2014");
    }

    @Test
    void afterSeptemberOnlySchoolYearSchoolsAreInNextYearsPeriod() {
        List<School> mixed = List.of(school("a", StatisticsPeriod.SCHOOL_YEAR), school("b", StatisticsPeriod.CALENDAR_YEAR),
                school("c", StatisticsPeriod.SCHOOL_YEAR));
        // 2027 has not begun for the calendar-year school
        assertEquals(2026, ProvincePageResource.currentYear(mixed, LocalDate.of(2026, 11, 29)));
        assertEquals(2026, ProvincePageResource.currentYear(mixed, LocalDate.of(2026, 8, 31)));
        List<School> schoolYears = List.of(school("d", StatisticsPeriod.SCHOOL_YEAR), school("e", StatisticsPeriod.SCHOOL_YEAR));
        assertEquals(2027, ProvincePageResource.currentYear(schoolYears, LocalDate.of(2026, 9, 1)));
        assertEquals(2026, ProvincePageResource.currentYear(schoolYears, LocalDate.of(2026, 8, 31)));
    }
}
