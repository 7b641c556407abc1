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
 * <li>A working day is Monday to Friday, except a statutory holiday that falls on a weekday; a make-up working day
 * (调休) that falls on a Saturday or Sunday is a working day too. Both come from the {@link HolidayCalendar} (a data
 * file per year), plus any dates an operator adds in {@code xxgk.statistics.holidays} and
 * {@code xxgk.statistics.make-up-working-days}. A year the calendar does not cover counts its weekdays plainly, and
 * {@link #calendarNote} says so.</li>
 * <li>The days elapsed between two dates are the working days after the first up to and including the second:
 * the day an item is produced (or an application received) does not count, as in "within 20 working days
 * of being produced". Same day or earlier: 0.</li>
 * <li>An item is published on time when its working days from {@code producedDate} to {@code publishedDate} are at
 * most {@code xxgk.statistics.publish-within-working-days} (20). An item without a publishedDate is NOT on
 * time: its timeliness is unknown, and the statistics report how many such items there were ({@code unknown}); the
 * catalogue still dates it by item_date. A correction is measured from the day it was made, not from the item's
 * producedDate.</li>
 * <li>An application is answered on time when its working days from receivedDate to answeredDate are at most
 * {@code xxgk.statistics.answer-within-working-days} (15).</li>
 * </ul>
 */
@ApplicationScoped
public class WorkingDays {

    /** Proactive disclosure within 20 working days of the information being made or obtained. */
    public static final String PROACTIVE_ARTICLE = "《高等学校信息公开办法》第十八条";
    /** Answers to applications within 15 working days of receipt. */
    public static final String ANSWER_ARTICLE = "《高等学校信息公开办法》第十九条";

    public static final String RULE_ZH = "主动公开的信息自制作完成或者获取之日起20个工作日内公开（" + PROACTIVE_ARTICLE + "），"
            + "依申请公开自收到申请之日起15个工作日内答复（" + ANSWER_ARTICLE + "）。"
            + "工作日按周一至周五计，扣除国务院办公厅公布的法定节假日，计入调休上班日；"
            + "自信息产生（申请收到）之日的次日起算，至公开（答复）之日止。未填写公开日期的信息及时性不明，不计为及时公开，单列其数量；"
            + "更正信息自更正之日起另计20个工作日。";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final Set<Integer> coveredYears;

    @Inject
    public WorkingDays(StatisticsConfig config) {
        this(HolidayCalendar.load(config.calendarDir()), config.holidays().orElse(List.of()),
                config.makeUpWorkingDays().orElse(List.of()));
    }

    /** A calendar that covers no year: only the dates given. */
    public WorkingDays(List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        this(new HolidayCalendar(Set.of(), Set.of(), Set.of()), holidays, makeUpWorkingDays);
    }

    public WorkingDays(HolidayCalendar calendar, List<LocalDate> extraHolidays, List<LocalDate> extraMakeUpWorkingDays) {
        this.holidays = new TreeSet<>(calendar.holidays());
        this.holidays.addAll(extraHolidays);
        this.makeUpWorkingDays = new TreeSet<>(calendar.makeUpWorkingDays());
        this.makeUpWorkingDays.addAll(extraMakeUpWorkingDays);
        this.coveredYears = new TreeSet<>(calendar.years());
    }

    /** The years from {@code from} to {@code to} that the holiday calendar has no data for. */
    public List<Integer> uncoveredYears(LocalDate from, LocalDate to) {
        List<Integer> missing = new java.util.ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!coveredYears.contains(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** Null when the calendar covers the period; otherwise what a reader must know about the working days counted. */
    public String calendarNote(LocalDate from, LocalDate to) {
        List<Integer> missing = uncoveredYears(from, to);
        if (missing.isEmpty()) {
            return null;
        }
        String years = missing.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
        return "节假日日历未收录 " + years + " 年的放假安排，该年的工作日按周一至周五计算，结果可能偏大 / the holiday calendar has no "
                + "data for " + years.replace("、", ", ") + ": weekdays were counted plainly there";
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
