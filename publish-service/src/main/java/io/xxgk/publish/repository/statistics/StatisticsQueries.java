package io.xxgk.publish.repository.statistics;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queries of the annual statistics of one school: a handful of GROUP BY queries over the indexes of V2/V5 (one
 * school, one status, a range of item_date = coalesce(published_date, produced_date)), never the rows themselves. All run in one read-only repeatable-read
 * transaction, so the figures of one answer add up; the caller's transaction must be new (the snapshot statement
 * has to be its first).
 */
@ApplicationScoped
public class StatisticsQueries {

    /** Bits of grouping(kind, category, checklist_item, department, month): 0 = that column is grouped. */
    private static final int BY_KIND = 0b01111;
    private static final int BY_CATEGORY = 0b10111;
    private static final int BY_ITEM = 0b11011;
    private static final int BY_DEPARTMENT = 0b11101;
    private static final int BY_MONTH = 0b11110;
    private static final int TOTAL = 0b11111;

    private final DataSource dataSource;

    public StatisticsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts of the published entries of the period, by each column at once (keys as stored; null kept). */
    public record Breakdown(long total, Map<String, Long> byKind, Map<Integer, Long> byCategory, Map<Integer, Long> byItem,
                            Map<String, Long> byDepartment, Map<String, Long> byMonth) {
    }

    /** The newest published entry of a checklist item up to the end of the period. */
    public record LatestRow(String itemId, String title, String sourceUrl, LocalDate date) {
    }

    /** evaluated: entries measured; unknown: a date missing; late: more working days than the limit; maxDays: the longest delay. */
    public record Measure(long evaluated, long unknown, long late, int maxDays) {

        public long onTime() {
            return evaluated - unknown - late;
        }
    }

    /**
     * declared: the department's dates of the first publication; system: to the day the system made it public;
     * listed/unlisted: declared, of checklist items and of the rest (news); revisions: corrections, each from its own day.
     */
    public record TimelinessCounts(Measure declared, Measure system, Measure listed, Measure unlisted, Measure revisions) {
    }

    /** Applications received in the period; byAnswer and byApplicant by stored name (UNSPECIFIED: no applicant type). */
    public record RequestCounts(long received, long answered, long answeredInTime, BigDecimal feesYuan,
                                Map<String, Long> byAnswer, Map<String, Long> byApplicant, List<OverdueRow> overduePending) {
    }

    /** An application without an answer, more working days after receipt than the limit. */
    public record OverdueRow(String id, LocalDate receivedDate, int workingDays) {
    }

    /** At most this many overdue pending applications are listed. */
    public static final int MAX_OVERDUE_LISTED = 200;

    /**
     * Everything the statistics of one school and period count. withheldByReason: by stored reason (UNSPECIFIED when
     * none), largest first; appeals: per record type name, the count per outcome name (PENDING when none).
     */
    public record Figures(Breakdown breakdown, Map<Integer, LatestRow> latestPerItem, Map<String, Long> byChannel,
                          long channelUnion, long internal, Map<String, Long> withheldByReason, TimelinessCounts timeliness, RequestCounts requests,
                          Map<String, Map<String, Long>> appeals, Map<String, Long> byKindOnChannel) {
    }

    /**
     * @param checklistItems    the checklist items whose newest entry is wanted
     * @param publishWithin     working days within which an item is published on time
     * @param answerWithin      working days within which an application is answered on time
     * @param appealRecordTypes record types counted by outcome (complaints, reviews, lawsuits)
     */
    public Figures figures(String school, LocalDate from, LocalDate to, List<Integer> checklistItems, WorkingCalendar calendar,
                           int publishWithin, int answerWithin, List<String> appealRecordTypes, LocalDate asOf,
                           String kindHeadingsChannel) {
        try (Connection c = dataSource.getConnection()) {
            snapshot(c);
            Breakdown breakdown = breakdown(c, school, from, to);
            Map<Integer, LatestRow> latest = latestPerItem(c, school, checklistItems, to);
            Map<String, Long> withheld = withheld(c, school, from, to);
            Map<String, Long> channels = byChannel(c, school, from, to);
            long channelUnion = channelUnion(c, school, from, to);
            long internal = internal(c, school, from, to);
            TimelinessCounts timeliness = timeliness(c, school, from, to, calendar, publishWithin);
            RequestCounts requests = requests(c, school, from, to, calendar, answerWithin, asOf);
            Map<String, Map<String, Long>> appeals = new LinkedHashMap<>();
            for (String type : appealRecordTypes) {
                appeals.put(type, appeals(c, school, from, to, type));
            }
            Map<String, Long> byKindOnChannel = kindHeadingsChannel == null ? null : byKindOnChannel(c, school, from, to, kindHeadingsChannel);
            return new Figures(breakdown, latest, channels, channelUnion, internal, withheld, timeliness, requests, appeals,
                    byKindOnChannel);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed: " + e.getMessage(), e);
        }
    }

    /** All queries of one answer see the same snapshot. Must be the transaction's first statement. */
    public static void snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
    }

    /** One pass over the index: every breakdown at once with GROUPING SETS. */
    private static Breakdown breakdown(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
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
    private static long internal(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
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
    private static long channelUnion(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
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
    private static Map<String, Long> byKindOnChannel(Connection c, String school, LocalDate from, LocalDate to, String channel)
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
    private static Map<String, Long> byChannel(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
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

    private static Map<String, Long> withheld(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
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
    private static TimelinessCounts timeliness(Connection c, String school, LocalDate from, LocalDate to,
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

    /** The newest published entry of each checklist item up to the end of the period: one index probe per item. */
    private static Map<Integer, LatestRow> latestPerItem(Connection c, String school, List<Integer> checklistItems,
                                                         LocalDate to) throws SQLException {
        String numbers = checklistItems.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        Map<Integer, LatestRow> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select n.item, e.item_id, e.title, e.source_url, e.d
                from unnest(cast(? as integer[])) as n(item)
                cross join lateral (select item_id, title, source_url, item_date as d
                                    from catalogue_entry
                                    where school_code = ? and status = 'PUBLISHED' and checklist_item = n.item
                                      and item_date <= ?
                                    order by item_date desc, item_id
                                    limit 1) e
                """)) {
            ps.setString(1, numbers);
            ps.setString(2, school);
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt("item"), new LatestRow(rs.getString("item_id"), rs.getString("title"),
                            rs.getString("source_url"), rs.getDate("d").toLocalDate()));
                }
            }
        }
        return out;
    }

    private static RequestCounts requests(Connection c, String school, LocalDate from, LocalDate to,
                                          WorkingCalendar calendar, int limit, LocalDate asOf) throws SQLException {
        long received;
        long answered;
        long inTime;
        BigDecimal fees;
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) as received,
                       count(*) filter (where answer_type is not null) as answered,
                       count(*) filter (where answer_type is not null and answered_date is not null
                                          and xxgk_working_days(received_date, answered_date, cast(? as date[]), cast(? as date[])) <= ?) as in_time,
                       coalesce(sum(fee_yuan), 0) as fees
                from disclosure_request
                where school_code = ? and record_type = 'APPLICATION' and received_date between ? and ?
                """)) {
            calendar.bind(ps, 1, 2);
            ps.setInt(3, limit);
            ps.setString(4, school);
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                received = rs.getLong("received");
                answered = rs.getLong("answered");
                inTime = rs.getLong("in_time");
                fees = rs.getBigDecimal("fees").setScale(2, RoundingMode.HALF_UP);
            }
        }
        Map<String, Long> byAnswer = new HashMap<>();
        Map<String, Long> byApplicant = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select grouping(answer_type, applicant_type) as g, answer_type, applicant_type, count(*) as n
                from disclosure_request
                where school_code = ? and record_type = 'APPLICATION' and received_date between ? and ?
                group by grouping sets ((answer_type), (applicant_type))
                """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("g") == 0b01) { // grouped by answer_type
                        String a = rs.getString("answer_type");
                        if (a != null) {
                            byAnswer.merge(a, rs.getLong("n"), Long::sum);
                        }
                    } else {
                        String a = rs.getString("applicant_type");
                        byApplicant.merge(a == null ? "UNSPECIFIED" : a, rs.getLong("n"), Long::sum);
                    }
                }
            }
        }
        List<OverdueRow> overdue = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select record_id, received_date, d
                from (select record_id, received_date,
                             xxgk_working_days(received_date, ?, cast(? as date[]), cast(? as date[])) as d
                      from disclosure_request
                      where school_code = ? and record_type = 'APPLICATION' and answer_type is null
                        and received_date between ? and ?) p
                where d > ?
                order by received_date, record_id
                limit ?
                """)) {
            ps.setDate(1, Date.valueOf(asOf));
            calendar.bind(ps, 2, 3);
            ps.setString(4, school);
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(to));
            ps.setInt(7, limit);
            ps.setInt(8, MAX_OVERDUE_LISTED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overdue.add(new OverdueRow(rs.getString("record_id"), rs.getDate("received_date").toLocalDate(), rs.getInt("d")));
                }
            }
        }
        return new RequestCounts(received, answered, inTime, fees, byAnswer, byApplicant, overdue);
    }

    private static Map<String, Long> appeals(Connection c, String school, LocalDate from, LocalDate to, String recordType)
            throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(outcome, 'PENDING') as outcome, count(*) as n
                from disclosure_request
                where school_code = ? and record_type = ? and received_date between ? and ?
                group by coalesce(outcome, 'PENDING')
                """)) {
            ps.setString(1, school);
            ps.setString(2, recordType);
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getString("outcome"), rs.getLong("n"), Long::sum);
                }
            }
        }
        return counts;
    }
}
