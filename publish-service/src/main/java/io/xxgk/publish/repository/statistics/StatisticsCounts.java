package io.xxgk.publish.repository.statistics;

import io.xxgk.publish.repository.statistics.EntryFacts.ChannelKey;
import io.xxgk.publish.repository.statistics.EntryFacts.DelayKey;
import io.xxgk.publish.repository.statistics.EntryFacts.CountKey;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Breakdown;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Measure;
import io.xxgk.publish.repository.statistics.StatisticsQueries.TimelinessCounts;
import io.xxgk.publish.repository.SchoolDataVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The maintained counts of V13: changed with the entries (the old state of an entry subtracted, the new one added, in
 * the same transaction), rebuilt from catalogue_entry, and read by the statistics, the catalogue and the province
 * view. A read sums the rows of one school's months; every period it is asked about must be whole months.
 */
@ApplicationScoped
public class StatisticsCounts {

    private static final Object PENDING = new Object() {
        @Override
        public String toString() {
            return "pending statistics counts";
        }
    };

    private final DataSource dataSource;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public StatisticsCounts(DataSource dataSource, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.em = em;
        this.transactions = transactions;
    }

    // ---------------------------------------------------------------- changes

    /** The changes of one transaction, summed per key, written in key order (no two writers lock rows crosswise). */
    static final class Delta {
        final Map<CountKey, Long> entries = new HashMap<>();
        final Map<ChannelKey, Long> channels = new HashMap<>();
        final Map<DelayKey, Long> delays = new HashMap<>();

        void add(EntryFacts f, long sign) {
            if (f == null) {
                return;
            }
            f.counts().forEach(k -> entries.merge(k, sign, Long::sum));
            f.channels().forEach(k -> channels.merge(k, sign, Long::sum));
            f.delays().forEach(k -> delays.merge(k, sign, Long::sum));
        }

        boolean isEmpty() {
            return entries.values().stream().allMatch(n -> n == 0) && channels.values().stream().allMatch(n -> n == 0)
                    && delays.values().stream().allMatch(n -> n == 0);
        }

        void clear() {
            entries.clear();
            channels.clear();
            delays.clear();
        }
    }

    /**
     * An entry of the current transaction changed from {@code before} to {@code after} (either null: not counted). The
     * change is written by {@link #flush()}, or at the latest just before the transaction commits.
     */
    public void change(EntryFacts before, EntryFacts after) {
        if (before != null && before.equals(after)) {
            return;
        }
        Delta delta = (Delta) transactions.getResource(PENDING);
        if (delta == null) {
            Delta created = new Delta();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // only for callers that did not flush: the consumer flushes its poll itself, so that a failure
                    // here reaches it as it is (not wrapped in a rollback exception)
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    created.clear();
                }
            });
            delta = created;
        }
        delta.add(before, -1);
        delta.add(after, 1);
    }

    /** Writes the changes of the current transaction so far (the entries first, then the counts). */
    public void flush() {
        Delta delta = (Delta) transactions.getResource(PENDING);
        if (delta != null) {
            write(delta);
        }
    }

    private void write(Delta delta) {
        if (delta.isEmpty()) {
            return;
        }
        // the entries' rows are locked before the counts' (a rebuild takes them in the same order)
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            upsert(c, delta);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the statistics counts failed: " + e.getMessage(), e);
        }
        delta.clear();
    }

    private static void upsert(Connection c, Delta delta) throws SQLException {
        Map<CountKey, Long> entries = sorted(delta.entries, Comparator.comparing(CountKey::toString));
        if (!entries.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into statistics_entry_count as t (school_code, month, status, dimension, value, n)
                    select * from unnest(cast(? as varchar[]), cast(? as date[]), cast(? as varchar[]), cast(? as varchar[]),
                                         cast(? as text[]), cast(? as bigint[]))
                    on conflict on constraint statistics_entry_count_key do update set n = t.n + excluded.n""")) {
                List<CountKey> keys = new ArrayList<>(entries.keySet());
                ps.setArray(1, texts(c, keys, CountKey::school));
                ps.setArray(2, texts(c, keys, k -> k.month().toString()));
                ps.setArray(3, texts(c, keys, CountKey::status));
                ps.setArray(4, texts(c, keys, CountKey::dimension));
                ps.setArray(5, texts(c, keys, CountKey::value));
                ps.setArray(6, c.createArrayOf("int8", entries.values().toArray()));
                ps.executeUpdate();
            }
        }
        Map<ChannelKey, Long> channels = sorted(delta.channels, Comparator.comparing(ChannelKey::toString));
        if (!channels.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into statistics_channel_count as t (school_code, month, channel, kind, n)
                    select * from unnest(cast(? as varchar[]), cast(? as date[]), cast(? as varchar[]), cast(? as varchar[]),
                                         cast(? as bigint[]))
                    on conflict (school_code, month, channel, kind) do update set n = t.n + excluded.n""")) {
                List<ChannelKey> keys = new ArrayList<>(channels.keySet());
                ps.setArray(1, texts(c, keys, ChannelKey::school));
                ps.setArray(2, texts(c, keys, k -> k.month().toString()));
                ps.setArray(3, texts(c, keys, ChannelKey::channel));
                ps.setArray(4, texts(c, keys, ChannelKey::kind));
                ps.setArray(5, c.createArrayOf("int8", channels.values().toArray()));
                ps.executeUpdate();
            }
        }
        Map<DelayKey, Long> delays = sorted(delta.delays, Comparator.comparing(DelayKey::toString));
        if (!delays.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into statistics_delay_count as t (school_code, month, measure, working_days, n)
                    select * from unnest(cast(? as varchar[]), cast(? as date[]), cast(? as varchar[]), cast(? as integer[]),
                                         cast(? as bigint[]))
                    on conflict on constraint statistics_delay_count_key do update set n = t.n + excluded.n""")) {
                List<DelayKey> keys = new ArrayList<>(delays.keySet());
                ps.setArray(1, texts(c, keys, DelayKey::school));
                ps.setArray(2, texts(c, keys, k -> k.month().toString()));
                ps.setArray(3, texts(c, keys, DelayKey::measure));
                ps.setArray(4, c.createArrayOf("int4", keys.stream().map(DelayKey::workingDays).toArray()));
                ps.setArray(5, c.createArrayOf("int8", delays.values().toArray()));
                ps.executeUpdate();
            }
        }
    }

    /** The non-zero changes in key order. */
    private static <K> Map<K, Long> sorted(Map<K, Long> changes, Comparator<K> order) {
        Map<K, Long> out = new TreeMap<>(order);
        changes.forEach((k, n) -> {
            if (n != 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    private static <K> Array texts(Connection c, List<K> keys, Function<K, String> column) throws SQLException {
        return c.createArrayOf("varchar", keys.stream().map(column).toArray());
    }

    // ---------------------------------------------------------------- rebuild

    /** What the counts in the tables were computed with; null before the first rebuild. */
    public String basis() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select basis from statistics_count_state where id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the statistics count state failed: " + e.getMessage(), e);
        }
    }

    /**
     * Recounts everything from catalogue_entry, unless another instance already did it for {@code basis} (and not
     * {@code force}). Writers of
     * entries wait meanwhile (readers do not). Must run in a transaction of its own.
     *
     * @return whether it recounted
     */
    public boolean rebuild(String basis, WorkingDayArithmetic days, boolean force) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                // the entries first, as every writer locks them before the counts
                st.execute("lock table catalogue_entry in share mode");
                st.execute("lock table statistics_count_state, statistics_entry_count, statistics_channel_count,"
                        + " statistics_delay_count in exclusive mode");
                try (ResultSet rs = st.executeQuery("select basis from statistics_count_state where id = 1")) {
                    if (!force && rs.next() && basis.equals(rs.getString(1))) {
                        return false;
                    }
                }
                st.execute("delete from statistics_entry_count");
                st.execute("delete from statistics_channel_count");
                st.execute("delete from statistics_delay_count");
            }
            Delta all = new Delta();
            try (Statement st = c.createStatement()) {
                st.setFetchSize(2000);
                try (ResultSet rs = st.executeQuery("""
                        select school_code, status, produced_date, published_date, kind, category, checklist_item, department,
                               withhold_reason, channels, revision, revised_on, original_produced_date,
                               original_published_date, original_made_public_at, made_public_at
                        from catalogue_entry where status in ('PUBLISHED', 'WITHHELD', 'INTERNAL')""")) {
                    while (rs.next()) {
                        all.add(EntryFacts.of(new EntryFacts.Row(rs.getString(1), rs.getString(2), date(rs, 3), date(rs, 4),
                                rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getInt(11), date(rs, 12), date(rs, 13), date(rs, 14),
                                instant(rs, 15), instant(rs, 16)), days), 1);
                    }
                }
            }
            upsert(c, all);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into statistics_count_state (id, basis, rebuilt_at) values (1, ?, now())
                    on conflict (id) do update set basis = excluded.basis, rebuilt_at = excluded.rebuilt_at""")) {
                ps.setString(1, basis);
                ps.executeUpdate();
            }
            // every school's statistics and catalogue counts may read differently now
            SchoolDataVersions.changedAll(c);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("rebuilding the statistics counts failed: " + e.getMessage(), e);
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------- reads

    /** The first day of the month of {@code from}, which must be a period's first day. */
    private static Date firstMonth(LocalDate from) {
        if (from.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("the counts are by month; a period starts on the 1st, not " + from);
        }
        return Date.valueOf(from);
    }

    /** The first day of the month of {@code to}, which must be a period's last day. */
    private static Date lastMonth(LocalDate to) {
        if (to.getDayOfMonth() != to.lengthOfMonth()) {
            throw new IllegalArgumentException("the counts are by month; a period ends on a month's last day, not " + to);
        }
        return Date.valueOf(to.withDayOfMonth(1));
    }

    /** Published entries of the period by kind, category, checklist item, department and month, and their total. */
    public Breakdown breakdown(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        long total = 0;
        Map<String, Long> byKind = new HashMap<>();
        Map<Integer, Long> byCategory = new HashMap<>();
        Map<Integer, Long> byItem = new HashMap<>();
        Map<String, Long> byDepartment = new HashMap<>();
        Map<String, Long> byMonth = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select dimension, value, case when dimension = 'TOTAL' then to_char(month, 'YYYY-MM') end as m, sum(n) as n
                from statistics_entry_count
                where school_code = ? and status = 'PUBLISHED' and month between ? and ? and n > 0
                  and dimension in ('TOTAL', 'KIND', 'CATEGORY', 'CHECKLIST_ITEM', 'DEPARTMENT')
                group by dimension, value, m
                """)) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            ps.setDate(3, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong("n");
                    String value = rs.getString("value");
                    switch (rs.getString("dimension")) {
                        case EntryFacts.TOTAL -> {
                            total += n;
                            byMonth.merge(rs.getString("m"), n, Long::sum);
                        }
                        case EntryFacts.KIND -> byKind.merge(value, n, Long::sum);
                        case EntryFacts.CATEGORY -> byCategory.merge(value == null ? null : Integer.valueOf(value), n, Long::sum);
                        case EntryFacts.CHECKLIST_ITEM -> byItem.merge(value == null ? null : Integer.valueOf(value), n, Long::sum);
                        case EntryFacts.DEPARTMENT -> byDepartment.merge(value, n, Long::sum);
                        default -> throw new IllegalStateException("unexpected dimension " + rs.getString("dimension"));
                    }
                }
            }
        }
        return new Breakdown(total, byKind, byCategory, byItem, byDepartment, byMonth);
    }

    /** Entries of one status in the period (INTERNAL: 校内公开, counted apart). */
    public long count(Connection c, String school, String status, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(sum(n), 0) from statistics_entry_count
                where school_code = ? and status = ? and month between ? and ? and dimension = 'TOTAL'""")) {
            ps.setString(1, school);
            ps.setString(2, status);
            ps.setDate(3, firstMonth(from));
            ps.setDate(4, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Published entries that name at least one channel: the union across channels. */
    public long channelUnion(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(sum(n), 0) from statistics_entry_count
                where school_code = ? and status = 'PUBLISHED' and month between ? and ? and dimension = 'ON_CHANNEL'""")) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            ps.setDate(3, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Published entries per channel (one entry may count under several). */
    public Map<String, Long> byChannel(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        return pairs(c, """
                select channel, sum(n) from statistics_channel_count
                where school_code = ? and month between ? and ? and n > 0
                group by channel""", school, from, to, null);
    }

    /** Published entries by kind, of those published through {@code channel}. */
    public Map<String, Long> byKindOnChannel(Connection c, String school, LocalDate from, LocalDate to, String channel)
            throws SQLException {
        return pairs(c, """
                select kind, sum(n) from statistics_channel_count
                where school_code = ? and month between ? and ? and n > 0 and channel = ?
                group by kind""", school, from, to, channel);
    }

    private static Map<String, Long> pairs(Connection c, String sql, String school, LocalDate from, LocalDate to,
                                           String channel) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            ps.setDate(3, lastMonth(to));
            if (channel != null) {
                ps.setString(4, channel);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Withheld entries by stored reason (UNSPECIFIED when none), largest first, then by reason. */
    public Map<String, Long> withheld(Connection c, String school, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select value, sum(n) as n from statistics_entry_count
                where school_code = ? and status = 'WITHHELD' and month between ? and ? and n > 0 and dimension = 'REASON'
                group by value order by n desc, value""")) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            ps.setDate(3, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getString(1) == null ? "UNSPECIFIED" : rs.getString(1), rs.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The four measures of timeliness (see {@link StatisticsQueries.TimelinessCounts}) against {@code limit} working days. */
    public TimelinessCounts timeliness(Connection c, String school, LocalDate from, LocalDate to, int limit)
            throws SQLException {
        Map<String, long[]> byMeasure = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select measure, sum(n) as n,
                       coalesce(sum(n) filter (where working_days is null or working_days = -1), 0) as unknown,
                       coalesce(sum(n) filter (where working_days > ?), 0) as late,
                       coalesce(max(working_days), 0) as max_days
                from statistics_delay_count
                where school_code = ? and month between ? and ? and n > 0
                group by measure""")) {
            ps.setInt(1, limit);
            ps.setString(2, school);
            ps.setDate(3, firstMonth(from));
            ps.setDate(4, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMeasure.put(rs.getString("measure"), new long[]{rs.getLong("n"), rs.getLong("unknown"),
                            rs.getLong("late"), Math.max(rs.getInt("max_days"), 0)});
                }
            }
        }
        long[] none = {0, 0, 0, 0};
        long[] listed = byMeasure.getOrDefault(EntryFacts.DECLARED_LISTED, none);
        long[] unlisted = byMeasure.getOrDefault(EntryFacts.DECLARED_UNLISTED, none);
        long[] declared = {listed[0] + unlisted[0], listed[1] + unlisted[1], listed[2] + unlisted[2], Math.max(listed[3], unlisted[3])};
        return new TimelinessCounts(measure(declared), measure(byMeasure.getOrDefault(EntryFacts.SYSTEM, none)),
                measure(listed), measure(unlisted), measure(byMeasure.getOrDefault(EntryFacts.REVISION, none)));
    }

    private static Measure measure(long[] m) {
        return new Measure(m[0], m[1], m[2], (int) m[3]);
    }

    /** Published entries per checklist item in the period (items without any left out). */
    public Map<Integer, Long> perChecklistItem(String school, LocalDate from, LocalDate to) {
        Map<Integer, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select value, sum(n) from statistics_entry_count
                     where school_code = ? and status = 'PUBLISHED' and dimension = 'CHECKLIST_ITEM' and value is not null
                       and month between ? and ? and n > 0
                     group by value""")) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            ps.setDate(3, lastMonth(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Integer.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the counts per checklist item failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Checklist items with a published entry dated before {@code from} (the 1st of a month). */
    public Set<Integer> checklistItemsBefore(String school, LocalDate from) {
        Set<Integer> items = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select distinct value from statistics_entry_count
                     where school_code = ? and status = 'PUBLISHED' and dimension = 'CHECKLIST_ITEM' and value is not null
                       and month < ? and n > 0""")) {
            ps.setString(1, school);
            ps.setDate(2, firstMonth(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(Integer.valueOf(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checklist items published before failed: " + e.getMessage(), e);
        }
        return items;
    }

    /** One school's period in the province view. */
    public record SchoolPeriod(String school, LocalDate from, LocalDate to) {
    }

    /**
     * Of one school's period: published and withheld entries, of the published those published later than the limit
     * and those without a published date (declared dates), and the checklist items with a published entry in the
     * period and (only) before it.
     */
    public record SchoolCounts(long published, long withheld, long late, long undated, Set<Integer> itemsInPeriod,
                               Set<Integer> itemsBefore) {
    }

    /** {@link SchoolCounts} of every school at once, each over its own period, in one snapshot. */
    public Map<String, SchoolCounts> perSchool(List<SchoolPeriod> periods, int limit) {
        Map<String, SchoolCounts> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        String unnest = "unnest(cast(? as varchar[]), cast(? as date[]), cast(? as date[])) as p(code, m_from, m_to)";
        try (Connection c = dataSource.getConnection()) {
            StatisticsQueries.snapshot(c);
            Array codes = texts(c, periods, SchoolPeriod::school);
            Array froms = texts(c, periods, p -> firstMonth(p.from()).toString());
            Array tos = texts(c, periods, p -> lastMonth(p.to()).toString());
            Map<String, long[]> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.code, coalesce(sum(e.n) filter (where e.status = 'PUBLISHED'), 0),
                           coalesce(sum(e.n) filter (where e.status = 'WITHHELD'), 0)
                    from %s
                    join statistics_entry_count e on e.school_code = p.code and e.month between p.m_from and p.m_to
                         and e.status in ('PUBLISHED', 'WITHHELD') and e.dimension = 'TOTAL'
                    group by p.code""".formatted(unnest))) {
                ps.setArray(1, codes);
                ps.setArray(2, froms);
                ps.setArray(3, tos);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), k -> new long[4])[0] = rs.getLong(2);
                        counts.get(rs.getString(1))[1] = rs.getLong(3);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.code, coalesce(sum(d.n) filter (where d.working_days > ?), 0),
                           coalesce(sum(d.n) filter (where d.working_days is null), 0)
                    from %s
                    join statistics_delay_count d on d.school_code = p.code and d.month between p.m_from and p.m_to
                         and d.measure in ('DECLARED_LISTED', 'DECLARED_UNLISTED')
                    group by p.code""".formatted(unnest))) {
                ps.setInt(1, limit);
                ps.setArray(2, codes);
                ps.setArray(3, froms);
                ps.setArray(4, tos);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
                        n[2] = rs.getLong(2);
                        n[3] = rs.getLong(3);
                    }
                }
            }
            Map<String, Set<Integer>> inPeriod = new HashMap<>();
            Map<String, Set<Integer>> before = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.code, e.value, bool_or(e.month >= p.m_from)
                    from %s
                    join statistics_entry_count e on e.school_code = p.code and e.status = 'PUBLISHED'
                         and e.dimension = 'CHECKLIST_ITEM' and e.value is not null and e.month <= p.m_to and e.n > 0
                    group by p.code, e.value""".formatted(unnest))) {
                ps.setArray(1, codes);
                ps.setArray(2, froms);
                ps.setArray(3, tos);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getBoolean(3) ? inPeriod : before).computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                .add(Integer.valueOf(rs.getString(2)));
                    }
                }
            }
            for (SchoolPeriod p : periods) {
                long[] n = counts.getOrDefault(p.school(), new long[4]);
                out.put(p.school(), new SchoolCounts(n[0], n[1], n[2], n[3], inPeriod.getOrDefault(p.school(), Set.of()),
                        before.getOrDefault(p.school(), Set.of())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("province counts query failed: " + e.getMessage(), e);
        }
        return out;
    }
}
