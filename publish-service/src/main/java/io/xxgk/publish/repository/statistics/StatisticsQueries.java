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
 * The queries of the annual statistics of one school. The figures of the entries are sums of the maintained counts of
 * V13 ({@link StatisticsCounts}) over the period's months; the newest entry per checklist item is one index probe per
 * item; the register of applications is grouped from its own (small) table. All run in one read-only repeatable-read
 * transaction, so the figures of one answer add up; the caller's transaction must be new (the snapshot statement
 * has to be its first).
 */
@ApplicationScoped
public class StatisticsQueries {

    private final DataSource dataSource;
    private final StatisticsCounts counts;

    public StatisticsQueries(DataSource dataSource, StatisticsCounts counts) {
        this.dataSource = dataSource;
        this.counts = counts;
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
            // the published entries' figures come from the maintained counts (V13), summed over the period's months
            Breakdown breakdown = counts.breakdown(c, school, from, to);
            Map<Integer, LatestRow> latest = latestPerItem(c, school, checklistItems, to);
            Map<String, Long> withheld = counts.withheld(c, school, from, to);
            Map<String, Long> channels = counts.byChannel(c, school, from, to);
            long channelUnion = counts.channelUnion(c, school, from, to);
            long internal = counts.count(c, school, "INTERNAL", from, to);
            TimelinessCounts timeliness = counts.timeliness(c, school, from, to, publishWithin);
            RequestCounts requests = requests(c, school, from, to, calendar, answerWithin, asOf);
            Map<String, Map<String, Long>> appeals = new LinkedHashMap<>();
            for (String type : appealRecordTypes) {
                appeals.put(type, appeals(c, school, from, to, type));
            }
            Map<String, Long> byKindOnChannel = kindHeadingsChannel == null ? null
                    : counts.byKindOnChannel(c, school, from, to, kindHeadingsChannel);
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
