package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The working-day rule, and the SQL function the queries use agreeing with it day for day. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class WorkingDaysTest {

    @Inject
    DataSource dataSource;

    @Inject
    WorkingDays configured;

    /** 2022 春节: 1/31-2/6 off, Saturday 1/29 and Sunday 1/30 worked. */
    static final WorkingDays SPRING_2022 = new WorkingDays(
            List.of(LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 1), LocalDate.of(2022, 2, 2), LocalDate.of(2022, 2, 3),
                    LocalDate.of(2022, 2, 4), LocalDate.of(2022, 2, 5), LocalDate.of(2022, 2, 6)),
            List.of(LocalDate.of(2022, 1, 29), LocalDate.of(2022, 1, 30)));

    @Test
    void mondayToFridayAfterTheFirstDayUpToAndIncludingTheLast() {
        WorkingDays plain = new WorkingDays(List.of(), List.of());
        LocalDate friday = LocalDate.of(2022, 3, 4);
        assertEquals(0, plain.between(friday, friday));
        assertEquals(0, plain.between(friday, friday.minusDays(3)));
        assertEquals(0, plain.between(friday, friday.plusDays(2)));   // Saturday, Sunday
        assertEquals(1, plain.between(friday, friday.plusDays(3)));   // Monday
        assertEquals(20, plain.between(friday, LocalDate.of(2022, 4, 1)));
        assertEquals(21, plain.between(friday, LocalDate.of(2022, 4, 4)));
    }

    @Test
    void holidaysAreNotWorkingDaysAndMakeUpWeekendsAre() {
        assertFalse(SPRING_2022.isWorkingDay(LocalDate.of(2022, 2, 1)));
        assertTrue(SPRING_2022.isWorkingDay(LocalDate.of(2022, 1, 29)));
        // Friday 1/28 to Monday 2/7: Saturday and Sunday worked, the holiday week not, Monday 2/7 is
        assertEquals(3, SPRING_2022.between(LocalDate.of(2022, 1, 28), LocalDate.of(2022, 2, 7)));
        // the configured calendar of application.properties knows the 2022 Spring Festival too
        assertEquals(3, configured.between(LocalDate.of(2022, 1, 28), LocalDate.of(2022, 2, 7)));
        assertFalse(configured.isWorkingDay(LocalDate.of(2022, 10, 3)));
        assertTrue(configured.isWorkingDay(LocalDate.of(2022, 10, 8)));
    }

    @Test
    void theSqlFunctionAgreesWithTheJavaRule() throws Exception {
        Random random = new Random(2022);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select xxgk_working_days(?, ?, cast(? as date[]), cast(? as date[]))")) {
            for (WorkingDays calendar : List.of(SPRING_2022, configured, new WorkingDays(List.of(), List.of()))) {
                for (int i = 0; i < 400; i++) {
                    LocalDate from = LocalDate.of(2021, 12, 1).plusDays(random.nextInt(120));
                    LocalDate to = from.plusDays(random.nextInt(70) - 5);
                    ps.setDate(1, Date.valueOf(from));
                    ps.setDate(2, Date.valueOf(to));
                    calendar.bind(ps, 3, 4);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(calendar.between(from, to), rs.getInt(1), from + " .. " + to);
                    }
                }
            }
        }
    }
}
