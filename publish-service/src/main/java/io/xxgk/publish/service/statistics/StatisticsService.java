package io.xxgk.publish.service.statistics;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.StatisticsPeriod;
import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.statistics.StatisticsView.Appeals;
import io.xxgk.publish.service.statistics.StatisticsView.ChecklistItemStat;
import io.xxgk.publish.service.statistics.StatisticsView.Coverage;
import io.xxgk.publish.service.statistics.StatisticsView.HeadingShare;
import io.xxgk.publish.service.statistics.StatisticsView.LatestEntry;
import io.xxgk.publish.service.statistics.StatisticsView.Requests;
import io.xxgk.publish.service.statistics.StatisticsView.Share;
import io.xxgk.publish.service.statistics.StatisticsView.Timeliness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The annual statistics of one school, computed in PostgreSQL: a handful of GROUP BY queries over the indexes of
 * V2 (one school, one status, a date range), never the rows themselves. All queries run in one read-only
 * repeatable-read transaction, so the figures of one answer add up.
 */
@ApplicationScoped
public class StatisticsService {

    /** Bits of grouping(kind, category, checklist_item, department, month): 0 = that column is grouped. */
    private static final int BY_KIND = 0b01111;
    private static final int BY_CATEGORY = 0b10111;
    private static final int BY_ITEM = 0b11011;
    private static final int BY_DEPARTMENT = 0b11101;
    private static final int BY_MONTH = 0b11110;
    private static final int TOTAL = 0b11111;

    /** Item published within the period: its date is coalesce(published_date, produced_date), as in the catalogue. */
    static final String ITEM_DATE = "coalesce(published_date, produced_date)";

    private final DataSource dataSource;
    private final ChecklistCatalog checklists;
    private final KindHeadings kindHeadings;
    private final WorkingDays workingDays;
    private final StatisticsConfig config;

    public StatisticsService(DataSource dataSource, ChecklistCatalog checklists, KindHeadings kindHeadings,
                             WorkingDays workingDays, StatisticsConfig config) {
        this.dataSource = dataSource;
        this.checklists = checklists;
        this.kindHeadings = kindHeadings;
        this.workingDays = workingDays;
        this.config = config;
    }

    public static StatisticsView.Period period(StatisticsPeriod kind, int year) {
        return new StatisticsView.Period(year, kind.name(), kind.start(year), kind.end(year), Labels.period(kind, year));
    }

    /** Its own transaction: the snapshot statement must be the transaction's first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StatisticsView statistics(School school, int year, StatisticsPeriod kind) {
        LocalDate from = kind.start(year);
        LocalDate to = kind.end(year);
        Checklist checklist = checklists.forSchool(school);
        try (Connection c = dataSource.getConnection()) {
            snapshot(c);
            Breakdown b = breakdown(c, school.code(), from, to);
            Map<Integer, LatestEntry> latest = latestPerItem(c, school.code(), checklist, from, to);

            List<Share> byCategory = new ArrayList<>();
            for (ChecklistCategory cat : checklist.categories()) {
                long n = b.byCategory.getOrDefault(cat.number(), 0L);
                byCategory.add(new Share(String.valueOf(cat.number()), cat.label() + " " + cat.name(), n, Percent.of(n, b.total)));
            }
            long outside = b.byCategory.getOrDefault(null, 0L);
            byCategory.add(new Share("none", "清单外信息", outside, Percent.of(outside, b.total)));

            List<ChecklistItemStat> items = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            List<Integer> earlier = new ArrayList<>();
            int applicable = 0;
            int published = 0;
            int notApplicable = 0;
            for (ChecklistCategory cat : checklist.categories()) {
                for (ChecklistItem i : cat.items()) {
                    long n = b.byItem.getOrDefault(i.number(), 0L);
                    String status;
                    if (!i.appliesTo(school.kind())) {
                        status = "NOT_APPLICABLE";
                        notApplicable++;
                    } else if (n > 0) {
                        status = "PUBLISHED";
                        applicable++;
                        published++;
                    } else {
                        status = "MISSING";
                        applicable++;
                        missing.add(i.number());
                        if (latest.containsKey(i.number())) {
                            earlier.add(i.number());
                        }
                    }
                    items.add(new ChecklistItemStat(i.number(), cat.number(), cat.name(), i.text(), status, n,
                            Percent.of(n, b.total), latest.get(i.number())));
                }
            }
            Coverage coverage = new Coverage(checklist.itemCount(), applicable, published, missing.size(), notApplicable,
                    Percent.of(published, applicable), List.copyOf(missing), List.copyOf(earlier));

            List<Share> withheld = withheld(c, school.code(), from, to);
            return new StatisticsView(SchoolView.of(school), period(kind, year), b.total,
                    withheld.stream().mapToLong(Share::count).sum(), withheld,
                    byCategory, items, byKind(school.code(), b), byChannel(c, school.code(), from, to, b.total),
                    sortedByCount(b.byDepartment, b.total), byMonth(b, from, to), coverage,
                    timeliness(c, school.code(), from, to),
                    requests(c, school.code(), from, to), appeals(c, school.code(), from, to, RecordType.COMPLAINT),
                    appeals(c, school.code(), from, to, RecordType.ADMINISTRATIVE_REVIEW),
                    appeals(c, school.code(), from, to, RecordType.LAWSUIT));
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed: " + e.getMessage(), e);
        }
    }

    /** All queries of one answer see the same snapshot. Must be the transaction's first statement. */
    static void snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
    }

    private static final class Breakdown {
        long total;
        final Map<String, Long> byKind = new HashMap<>();
        final Map<Integer, Long> byCategory = new HashMap<>();
        final Map<Integer, Long> byItem = new HashMap<>();
        final Map<String, Long> byDepartment = new HashMap<>();
        final Map<String, Long> byMonth = new HashMap<>();
    }

    /** One pass over the index: every breakdown at once with GROUPING SETS. */
    private static Breakdown breakdown(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Breakdown b = new Breakdown();
        try (PreparedStatement ps = c.prepareStatement("""
                select grouping(kind, category, checklist_item, department, month) as g,
                       kind, category, checklist_item, department, month, count(*) as n
                from (select kind, category, checklist_item, department, to_char(%1$s, 'YYYY-MM') as month
                      from catalogue_entry
                      where school_code = ? and status = 'PUBLISHED' and %1$s between ? and ?) e
                group by grouping sets ((), (kind), (category), (checklist_item), (department), (month))
                """.formatted(ITEM_DATE))) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong("n");
                    switch (rs.getInt("g")) {
                        case TOTAL -> b.total = n;
                        case BY_KIND -> b.byKind.merge(rs.getString("kind"), n, Long::sum);
                        case BY_CATEGORY -> b.byCategory.merge((Integer) rs.getObject("category"), n, Long::sum);
                        case BY_ITEM -> b.byItem.merge((Integer) rs.getObject("checklist_item"), n, Long::sum);
                        case BY_DEPARTMENT -> b.byDepartment.merge(rs.getString("department"), n, Long::sum);
                        case BY_MONTH -> b.byMonth.merge(rs.getString("month"), n, Long::sum);
                        default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("g"));
                    }
                }
            }
        }
        return b;
    }

    private List<HeadingShare> byKind(String school, Breakdown b) {
        List<KindHeadings.Heading> headings = kindHeadings.forSchool(school);
        Map<String, Long> perHeading = new LinkedHashMap<>();
        Map<String, Long> unknownKinds = new HashMap<>();
        for (var e : b.byKind.entrySet()) {
            perHeading.merge(KindHeadings.headingOf(headings, e.getKey()), e.getValue(), Long::sum);
            if (!isItemKind(e.getKey())) {
                unknownKinds.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        List<HeadingShare> out = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            KindHeadings.Heading heading = headings.get(h);
            List<Share> kinds = new ArrayList<>();
            for (ItemKind k : heading.kinds()) {
                long n = b.byKind.getOrDefault(k.name(), 0L);
                kinds.add(new Share(k.name(), k.label(), n, Percent.of(n, b.total)));
            }
            if (h == headings.size() - 1) {
                unknownKinds.forEach((k, n) -> kinds.add(new Share(k, k, n, Percent.of(n, b.total))));
            }
            long n = perHeading.getOrDefault(heading.name(), 0L);
            out.add(new HeadingShare(heading.name(), heading.name(), n, Percent.of(n, b.total), kinds));
        }
        return out;
    }

    private static boolean isItemKind(String name) {
        for (ItemKind k : ItemKind.values()) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<Share> byMonth(Breakdown b, LocalDate from, LocalDate to) {
        List<Share> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            long n = b.byMonth.getOrDefault(m.toString(), 0L);
            out.add(new Share(m.toString(), m.getYear() + "年" + m.getMonthValue() + "月", n, Percent.of(n, b.total)));
        }
        return out;
    }

    private static List<Share> sortedByCount(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Share(e.getKey(), e.getKey(), e.getValue(), Percent.of(e.getValue(), total)))
                .toList();
    }

    /** One item may count under several channels: the shares may add up to more than 100%. */
    private static List<Share> byChannel(Connection c, String school, LocalDate from, LocalDate to, long total)
            throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select ch, count(distinct e.item_id) as n
                from catalogue_entry e cross join lateral unnest(string_to_array(e.channels, ',')) as ch
                where e.school_code = ? and e.status = 'PUBLISHED' and %s between ? and ? and ch <> ''
                group by ch
                """.formatted("coalesce(e.published_date, e.produced_date)"))) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("ch"), rs.getLong("n"));
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparingInt(e -> channelOrder(e.getKey())))
                .map(e -> new Share(e.getKey(), channelLabel(e.getKey()), e.getValue(), Percent.of(e.getValue(), total)))
                .toList();
    }

    private static int channelOrder(String name) {
        try {
            return Channel.valueOf(name).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String channelLabel(String name) {
        try {
            return Channel.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static List<Share> withheld(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select withhold_reason, count(*) as n from catalogue_entry
                where school_code = ? and status = 'WITHHELD' and %s between ? and ?
                group by withhold_reason order by n desc, withhold_reason
                """.formatted(ITEM_DATE))) {
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
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream().map(e -> new Share(e.getKey(),
                Labels.withholdReason("UNSPECIFIED".equals(e.getKey()) ? null : e.getKey()), e.getValue(),
                Percent.of(e.getValue(), total))).toList();
    }

    private Timeliness timeliness(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        int limit = config.publishWithinWorkingDays();
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) as evaluated,
                       count(*) filter (where published_date is null) as undated,
                       count(*) filter (where wd > ?) as late,
                       coalesce(max(wd), 0) as max_days
                from (select published_date,
                             xxgk_working_days(produced_date, published_date, cast(? as date[]), cast(? as date[])) as wd
                      from catalogue_entry
                      where school_code = ? and status = 'PUBLISHED' and %s between ? and ?) e
                """.formatted(ITEM_DATE))) {
            ps.setInt(1, limit);
            workingDays.bind(ps, 2, 3);
            ps.setString(4, school);
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long evaluated = rs.getLong("evaluated");
                long late = rs.getLong("late");
                long onTime = evaluated - late;
                return new Timeliness(limit, evaluated, onTime, late, rs.getLong("undated"), Percent.of(onTime, evaluated),
                        rs.getInt("max_days"), WorkingDays.RULE_ZH);
            }
        }
    }

    /** The newest published entry of each checklist item up to the end of the period: one index probe per item. */
    private static Map<Integer, LatestEntry> latestPerItem(Connection c, String school, Checklist checklist,
                                                           LocalDate from, LocalDate to) throws SQLException {
        String numbers = checklist.categories().stream().flatMap(cat -> cat.items().stream())
                .map(i -> String.valueOf(i.number())).collect(Collectors.joining(",", "{", "}"));
        Map<Integer, LatestEntry> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select n.item, e.item_id, e.title, e.source_url, e.d
                from unnest(cast(? as integer[])) as n(item)
                cross join lateral (select item_id, title, source_url, coalesce(published_date, produced_date) as d
                                    from catalogue_entry
                                    where school_code = ? and status = 'PUBLISHED' and checklist_item = n.item
                                      and coalesce(published_date, produced_date) <= ?
                                    order by coalesce(published_date, produced_date) desc, item_id
                                    limit 1) e
                """)) {
            ps.setString(1, numbers);
            ps.setString(2, school);
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("item_id");
                    String source = rs.getString("source_url");
                    LocalDate d = rs.getDate("d").toLocalDate();
                    out.put(rs.getInt("item"), new LatestEntry(id, rs.getString("title"), d,
                            link(school, id, source), !d.isBefore(from)));
                }
            }
        }
        return out;
    }

    /** The public link of an entry, as the catalogue gives it. */
    public static String link(String school, String itemId, String sourceUrl) {
        return sourceUrl != null && !sourceUrl.isBlank() ? sourceUrl : "/api/v1/schools/" + school + "/items/" + itemId;
    }

    private Requests requests(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        int limit = config.answerWithinWorkingDays();
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
            workingDays.bind(ps, 1, 2);
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
        Map<AnswerType, Long> byAnswer = new EnumMap<>(AnswerType.class);
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
                            byAnswer.merge(AnswerType.valueOf(a), rs.getLong("n"), Long::sum);
                        }
                    } else {
                        String a = rs.getString("applicant_type");
                        byApplicant.merge(a == null ? "UNSPECIFIED" : a, rs.getLong("n"), Long::sum);
                    }
                }
            }
        }
        List<Share> answers = new ArrayList<>();
        for (AnswerType a : AnswerType.values()) {
            long n = byAnswer.getOrDefault(a, 0L);
            answers.add(new Share(a.name(), Labels.answer(a), n, Percent.of(n, received)));
        }
        List<Share> applicants = new ArrayList<>();
        for (ApplicantType a : ApplicantType.values()) {
            long n = byApplicant.getOrDefault(a.name(), 0L);
            applicants.add(new Share(a.name(), Labels.applicant(a), n, Percent.of(n, received)));
        }
        long unspecified = byApplicant.getOrDefault("UNSPECIFIED", 0L);
        if (unspecified > 0) {
            applicants.add(new Share("UNSPECIFIED", "未注明", unspecified, Percent.of(unspecified, received)));
        }
        return new Requests(received, answered, received - answered, answers, applicants, limit, inTime,
                Percent.of(inTime, answered), fees);
    }

    private static Appeals appeals(Connection c, String school, LocalDate from, LocalDate to, RecordType type)
            throws SQLException {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(outcome, 'PENDING') as outcome, count(*) as n
                from disclosure_request
                where school_code = ? and record_type = ? and received_date between ? and ?
                group by coalesce(outcome, 'PENDING')
                """)) {
            ps.setString(1, school);
            ps.setString(2, type.name());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.merge(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n"), Long::sum);
                }
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Share> out = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = counts.getOrDefault(o, 0L);
            out.add(new Share(o.name(), Labels.outcome(o), n, Percent.of(n, total)));
        }
        return new Appeals(total, out);
    }
}
