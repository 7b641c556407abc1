package io.xxgk.publish.service.statistics;

import io.xxgk.publish.repository.statistics.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day rule of the statistics (and of the SQL function {@code xxgk_working_days} in V2, which the
 * queries use; the two must agree).
 * <ul>
 * <li>A working day is Monday to Friday, except a configured statutory holiday ({@code xxgk.statistics.holidays})
 * that falls on a weekday; a configured make-up working day ({@code xxgk.statistics.make-up-working-days}, 调休)
 * that falls on a Saturday or Sunday is a working day too.</li>
 * <li>The days elapsed between two dates are the working days after the first up to and including the second:
 * the day an item is produced (or an application received) does not count, as in "within 20 working days
 * of being produced". Same day or earlier: 0.</li>
 * <li>An item is published on time when its working days from {@code producedDate} to {@code publishedDate} are at
 * most {@code xxgk.statistics.publish-within-working-days} (20). An item without a publishedDate is taken as
 * published the day it was produced (the catalogue dates it by item_date too), so
 * it counts as on time; the statistics report how many such items there were ({@code undated}).</li>
 * <li>An application is answered on time when its working days from receivedDate to answeredDate are at most
 * {@code xxgk.statistics.answer-within-working-days} (15).</li>
 * </ul>
 */
@ApplicationScoped
public class WorkingDays {

    public static final String RULE_ZH = "工作日按周一至周五计，扣除配置的法定节假日，计入配置的调休上班日；"
            + "自信息产生（申请收到）之日的次日起算，至公开（答复）之日止。未填写公开日期的信息按产生当日公开计，计为及时公开，并单列其数量。";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    @Inject
    public WorkingDays(StatisticsConfig config) {
        this(config.holidays().orElse(List.of()), config.makeUpWorkingDays().orElse(List.of()));
    }

    public WorkingDays(List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        this.holidays = new TreeSet<>(holidays);
        this.makeUpWorkingDays = new TreeSet<>(makeUpWorkingDays);
    }

    public boolean isWorkingDay(LocalDate d) {
        return isWeekend(d) ? makeUpWorkingDays.contains(d) : !holidays.contains(d);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The day {@code n} working days after {@code from} ({@code from} itself when n is 0): a deadline. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The calendar as the SQL function {@code xxgk_working_days} takes it. */
    public WorkingCalendar calendar() {
        return new WorkingCalendar(holidays.stream().filter(d -> !isWeekend(d)).toList(),
                makeUpWorkingDays.stream().filter(WorkingDays::isWeekend).toList());
    }

    /** Binds {@link #calendar()} to the {@code holidays} and {@code workdays} arguments of {@code xxgk_working_days}. */
    public void bind(java.sql.PreparedStatement ps, int holidaysIndex, int workdaysIndex) throws java.sql.SQLException {
        calendar().bind(ps, holidaysIndex, workdaysIndex);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
