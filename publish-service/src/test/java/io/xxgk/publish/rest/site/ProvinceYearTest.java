package io.xxgk.publish.rest.site;

import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolKind;
import io.xxgk.contract.school.StatisticsPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The province page's default year is the one most of its schools are in. */
class ProvinceYearTest {

    static School school(String code, StatisticsPeriod period) {
        return new School(code, code, SchoolKind.VOCATIONAL, "湖南省", period, "national-2014");
    }

    @Test
    void afterSeptemberSchoolYearSchoolsAreInNextYearsPeriod() {
        List<School> hunan = List.of(school("a", StatisticsPeriod.SCHOOL_YEAR), school("b", StatisticsPeriod.CALENDAR_YEAR),
                school("c", StatisticsPeriod.SCHOOL_YEAR));
        assertEquals(2027, ProvincePageResource.currentYear(hunan, LocalDate.of(2026, 11, 29)));
        assertEquals(2026, ProvincePageResource.currentYear(hunan, LocalDate.of(2026, 8, 31)));
        List<School> hubei = List.of(school("d", StatisticsPeriod.SCHOOL_YEAR), school("e", StatisticsPeriod.CALENDAR_YEAR));
        assertEquals(2026, ProvincePageResource.currentYear(hubei, LocalDate.of(2026, 11, 29)));
    }
}
