package io.xxgk.publish.service.statistics;

import io.xxgk.publish.repository.statistics.StatisticsCounts.SchoolCounts;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Breakdown;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Measure;
import io.xxgk.publish.repository.statistics.StatisticsQueries.TimelinessCounts;
import io.xxgk.publish.repository.statistics.WorkingCalendar;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The test oracle of the maintained counts: the statistics, catalogue and province figures as they were computed
 * before V13, by grouping catalogue_entry itself (the queries of StatisticsQueries, CatalogueService and
 * ProvinceService at commit 3737f71, unchanged). Not used by the service.
 */
final class EntryScanOracle {

    private static final int BY_KIND = 0b01111;
    private static final int BY_CATEGORY = 0b10111;
    private static final int BY_ITEM = 0b11011;
    private static final int BY_DEPARTMENT = 0b11101;
    private static final int BY_MONTH = 0b11110;
    private static final int TOTAL = 0b11111;

    private EntryScanOracle() {
    }

    /** One pass over the index: every breakdown at once with GROUPING SETS. */
    static Breakdown breakdown(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        long total = 0;
        Map<String, Long> byKind = new HashMap<>();
        Map<Integer, Long> byCategory = new HashMap<>();
        Map<Integer, Long> byItem = new HashMap<>();
        Map<String, Long> byDepartment = new HashMap<>();
        Map<String, Long> byMonth = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select grouping(kind, category, checklist_item, department, month) as g,
                       kind, category, checklist_item, department, month, count(*) as n
                from (select kind, category, checklist_item, department, to_char(item_date, 'YYYY-MM') as month
                      from catalogue_entry
                      where school_code = ? and status = 'PUBLISHED' and item_date between ? and ?) e
                group by grouping sets ((), (kind), (category), (checklist_item), (department), (month))
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong("n");
                    switch (rs.getInt("g")) {
                        case TOTAL -> total = n;
                        case BY_KIND -> byKind.merge(rs.getString("kind"), n, Long::sum);
                        case BY_CATEGORY -> byCategory.merge((Integer) rs.getObject("category"), n, Long::sum);
                        case BY_ITEM -> byItem.merge((Integer) rs.getObject("checklist_item"), n, Long::sum);
                        case BY_DEPARTMENT -> byDepartment.merge(rs.getString("department"), n, Long::sum);
                        case BY_MONTH -> byMonth.merge(rs.getString("month"), n, Long::sum);
                        default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("g"));
                    }
                }
            }
        }
        return new Breakdown(total, byKind, byCategory, byItem, byDepartment, byMonth);
    }

    /** Items published inside the school only (校内公开): counted apart, never among the public figures. */
    static long internal(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) from catalogue_entry
                where school_code = ? and status = 'INTERNAL' and item_date between ? and ?
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Distinct items published through at least one channel: the union across channels. */
    static long channelUnion(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(distinct e.item_id)
                from catalogue_entry e
                where e.school_code = ? and e.status = 'PUBLISHED' and e.item_date between ? and ?
                  and exists (select 1 from unnest(string_to_array(e.channels, ',')) as ch where ch <> '')
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Published items by kind, of those published through one channel only. */
    static Map<String, Long> byKindOnChannel(Connection c, String school, LocalDate from, LocalDate to, String channel)
            throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select kind, count(*) as n from catalogue_entry
                where school_code = ? and status = 'PUBLISHED' and item_date between ? and ?
                  and ? = any(string_to_array(channels, ','))
                group by kind
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.setString(4, channel);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("kind"), rs.getLong("n"));
                }
            }
        }
        return counts;
    }

    /** Distinct items per channel: one item may count under several channels. */
    static Map<String, Long> byChannel(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select ch, count(distinct e.item_id) as n
                from catalogue_entry e cross join lateral unnest(string_to_array(e.channels, ',')) as ch
                where e.school_code = ? and e.status = 'PUBLISHED' and e.item_date between ? and ? and ch <> ''
                group by ch
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("ch"), rs.getLong("n"));
                }
            }
        }
        return counts;
    }

    static Map<String, Long> withheld(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select withhold_reason, count(*) as n from catalogue_entry
                where school_code = ? and status = 'WITHHELD' and item_date between ? and ?
                group by withhold_reason order by n desc, withhold_reason
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getString("withhold_reason") == null ? "UNSPECIFIED" : rs.getString("withhold_reason"),
                            rs.getLong("n"), Long::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Timeliness as the rules mean it, all four measures in one pass over the period's published entries:
     * <ul>
     * <li>declared: from the first publication's declared produced date to its declared published date; without a
     * published date the delay is unknown (never on time);</li>
     * <li>system: from the same produced date to the day the system made the first publication public (after sign-off);
     * unknown for entries stored before that was recorded;</li>
     * <li>by listed (checklist item) and unlisted entries, declared;</li>
     * <li>revisions (entries whose current revision is a correction): from the day the correction was made to the day
     * the system made it public — its own working days.</li>
     * </ul>
     */
    static TimelinessCounts timeliness(Connection c, String school, LocalDate from, LocalDate to,
                                               WorkingCalendar calendar, int limit) throws SQLException {
        Measure all = null;
        Measure system = null;
        Measure revisions = null;
        Map<Boolean, Measure> byListed = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                with cal as (select cast(? as date[]) as h, cast(? as date[]) as w),
                e as (select x.listed, x.revision,
                             case when x.pub is null then null else xxgk_working_days(x.prod, x.pub, cal.h, cal.w) end as wd,
                             case when x.shown is null then null else xxgk_working_days(x.prod, x.shown, cal.h, cal.w) end as swd,
                             case when x.revision = 1 then null
                                  when x.revised_on is null or x.now_shown is null then -1
                                  else xxgk_working_days(x.revised_on, x.now_shown, cal.h, cal.w) end as rwd
                      from cal, (select checklist_item is not null as listed, revision, revised_on,
                                        coalesce(original_produced_date, produced_date) as prod,
                                        case when original_produced_date is null then published_date
                                             else original_published_date end as pub,
                                        (original_made_public_at at time zone 'Asia/Shanghai')::date as shown,
                                        (made_public_at at time zone 'Asia/Shanghai')::date as now_shown
                                 from catalogue_entry
                                 where school_code = ? and status = 'PUBLISHED' and item_date between ? and ?) x)
                select grouping(listed) as g, listed,
                       count(*) as n, count(*) filter (where wd is null) as unknown,
                       count(*) filter (where wd > ?) as late, coalesce(max(wd), 0) as max_days,
                       count(*) filter (where swd is null) as s_unknown,
                       count(*) filter (where swd > ?) as s_late, coalesce(max(swd), 0) as s_max,
                       count(rwd) as r_n, count(*) filter (where rwd = -1) as r_unknown,
                       count(*) filter (where rwd > ?) as r_late, greatest(coalesce(max(rwd), 0), 0) as r_max
                from e
                group by grouping sets ((), (listed))
                """)) {
            calendar.bind(ps, 1, 2);
            ps.setString(3, school);
            ps.setDate(4, Date.valueOf(from));
            ps.setDate(5, Date.valueOf(to));
            ps.setInt(6, limit);
            ps.setInt(7, limit);
            ps.setInt(8, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Measure declared = new Measure(rs.getLong("n"), rs.getLong("unknown"), rs.getLong("late"), rs.getInt("max_days"));
                    if (rs.getInt("g") == 1) {
                        all = declared;
                        system = new Measure(rs.getLong("n"), rs.getLong("s_unknown"), rs.getLong("s_late"), rs.getInt("s_max"));
                        revisions = new Measure(rs.getLong("r_n"), rs.getLong("r_unknown"), rs.getLong("r_late"), rs.getInt("r_max"));
                    } else {
                        byListed.put(rs.getBoolean("listed"), declared);
                    }
                }
            }
        }
        Measure none = new Measure(0, 0, 0, 0);
        return new TimelinessCounts(all == null ? none : all, system == null ? none : system,
                byListed.getOrDefault(true, none), byListed.getOrDefault(false, none), revisions == null ? none : revisions);
    }

    /** CatalogueService: published entries per checklist item in the period. */
    static Map<Integer, Long> perChecklistItem(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Map<Integer, Long> totals = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select checklist_item, count(*) from catalogue_entry
                where school_code = ? and status = 'PUBLISHED' and checklist_item is not null
                  and item_date between ? and ?
                group by checklist_item""")) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return totals;
    }

    /** CatalogueService: checklist items with a published entry before the period. */
    static Set<Integer> checklistItemsBefore(Connection c, String school, LocalDate from) throws SQLException {
        Set<Integer> items = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct checklist_item from catalogue_entry
                where school_code = ? and status = 'PUBLISHED' and checklist_item is not null
                  and item_date < ?""")) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getInt(1));
                }
            }
        }
        return items;
    }

    /** ProvinceService: one school's period. */
    static SchoolCounts province(Connection c, String school, LocalDate from, LocalDate to, WorkingCalendar calendar,
                                 int limit) throws SQLException {
        long published = 0;
        long withheld = 0;
        long late = 0;
        long undated = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) filter (where e.status = 'PUBLISHED') as published,
                       count(*) filter (where e.status = 'WITHHELD') as withheld,
                       count(*) filter (where e.status = 'PUBLISHED' and (case when e.original_produced_date is null
                           then e.published_date else e.original_published_date end) is null) as undated,
                       count(*) filter (where e.status = 'PUBLISHED' and xxgk_working_days(
                           coalesce(e.original_produced_date, e.produced_date),
                           case when e.original_produced_date is null then e.published_date else e.original_published_date end,
                           cast(? as date[]), cast(? as date[])) > ?) as late
                from catalogue_entry e where e.school_code = ? and e.status in ('PUBLISHED', 'WITHHELD')
                     and e.item_date between ? and ?""")) {
            calendar.bind(ps, 1, 2);
            ps.setInt(3, limit);
            ps.setString(4, school);
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                published = rs.getLong("published");
                withheld = rs.getLong("withheld");
                late = rs.getLong("late");
                undated = rs.getLong("undated");
            }
        }
        Set<Integer> inPeriod = new HashSet<>();
        Set<Integer> before = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select e.checklist_item, bool_or(e.item_date >= ?) as in_period
                from catalogue_entry e where e.school_code = ? and e.status = 'PUBLISHED' and e.item_date <= ?
                     and e.checklist_item is not null
                group by e.checklist_item""")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setString(2, school);
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (rs.getBoolean("in_period") ? inPeriod : before).add(rs.getInt("checklist_item"));
                }
            }
        }
        return new SchoolCounts(published, withheld, late, undated, inPeriod, before);
    }
}
