package io.xxgk.publish.repository.statistics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code holidays} and {@code workdays} arguments of the SQL function {@code xxgk_working_days} (V2): the
 * statutory holidays that fall on a weekday and the make-up working days on a weekend, each ascending.
 */
public record WorkingCalendar(List<LocalDate> weekdayHolidays, List<LocalDate> weekendWorkdays) {

    /** Binds both as typed date[] parameters (bound once per query, not parsed per row). */
    public void bind(PreparedStatement ps, int holidaysIndex, int workdaysIndex) throws SQLException {
        ps.setArray(holidaysIndex, ps.getConnection().createArrayOf("date",
                weekdayHolidays.stream().map(LocalDate::toString).toArray()));
        ps.setArray(workdaysIndex, ps.getConnection().createArrayOf("date",
                weekendWorkdays.stream().map(LocalDate::toString).toArray()));
    }
}
