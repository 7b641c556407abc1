package io.xxgk.publish.service.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.Scope;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.school.StatisticsPeriod;
import io.xxgk.publish.repository.statistics.StatisticsCounts;
import io.xxgk.publish.repository.statistics.StatisticsCounts.SchoolCounts;
import io.xxgk.publish.repository.statistics.StatisticsQueries;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Figures;
import io.xxgk.publish.repository.statistics.StatisticsQueries.TimelinessCounts;
import io.xxgk.publish.repository.statistics.WorkingCalendar;
import io.xxgk.publish.service.CatalogueWriter;
import io.xxgk.publish.service.province.ProvinceOverview;
import io.xxgk.publish.service.province.ProvinceService;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maintained counts of V13 answer exactly what grouping the entries answered ({@link EntryScanOracle}, the old
 * queries): the statistics' figures, the catalogue's counts per checklist item and the province view, for a varied
 * register written through the real writer (revisions, withdrawals, held then decided, withheld with and without a
 * reason, internal, undated, late, news, several years, departments and channels, an older revision arriving late),
 * then after replaying every event again and after a recount from the entries. Both period kinds, 2008-2012.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class StatisticsCountsTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Schools of this run only (the counts take any school code): entries of a real school, even years earlier, would
     * change what other tests see of it (an earlier entry makes a standing item covered).
     */
    static final List<String> SCHOOLS = List.of("cnt-" + RUN + "-a", "cnt-" + RUN + "-b");
    static final List<String> DEPARTMENTS = List.of("党政办公室", "教务处", "国有资产管理处", "党委宣传部");
    static final List<List<Channel>> CHANNELS = List.of(List.of(), List.of(Channel.WEBSITE),
            List.of(Channel.WEBSITE, Channel.WECHAT), List.of(Channel.WECHAT), List.of(Channel.WEBSITE, Channel.WEBSITE, Channel.OA));
    static final List<ItemKind> KINDS = List.of(ItemKind.NEWS, ItemKind.NEWS, ItemKind.RULE, ItemKind.TEACHING,
            ItemKind.PROCUREMENT_NOTICE, ItemKind.BUDGET, ItemKind.OTHER);
    static final List<String> REASONS = java.util.Arrays.asList("STATE_SECRET", "PERSONAL_PRIVACY", null);

    @Inject
    CatalogueWriter writer;

    @Inject
    StatisticsQueries queries;

    @Inject
    StatisticsCounts counts;

    @Inject
    StatisticsCounting counting;

    @Inject
    ProvinceService province;

    @Inject
    WorkingDays workingDays;

    @Inject
    StatisticsConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCountsGiveWhatTheEntriesGiveLiveAfterAReplayAndAfterARecount() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(counting::current);
        List<List<ItemClassified>> polls = polls(register(new Random(7)), new Random(8));
        for (int i = 0; i < polls.size(); i++) {
            apply(polls.get(i), i % 2 == 0);
        }
        Coverage seen = sameAsTheEntries("written live");

        // what the data exercised, so that the comparison cannot pass vacuously
        assertTrue(seen.withheld.get() > 0 && seen.internal.get() > 0 && seen.undated.get() > 0 && seen.late.get() > 0
                && seen.revisions.get() > 0 && seen.channelless.get() > 0 && seen.published.get() > 300,
                "the register covers every kind of figure: " + seen);

        String live = table();
        for (List<ItemClassified> poll : polls) {
            apply(poll, true);
        }
        assertEquals(live, table(), "replaying every event changes no count");
        sameAsTheEntries("replayed");

        counting.rebuild();
        assertEquals(live, table(), "a recount from the entries gives the counts kept live");
        sameAsTheEntries("recounted");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select (select count(*) from statistics_entry_count where n < 0)
                          + (select count(*) from statistics_channel_count where n < 0)
                          + (select count(*) from statistics_delay_count where n < 0)""")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no count below zero");
        }
    }

    /** The province view reads the counts only: it answers while the entries are locked against every reader. */
    @Test
    void theProvinceOverviewReadsNoEntry() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(counting::current);
        var schools = SchoolDirectory.load().all();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("lock table catalogue_entry in access exclusive mode");
            }
            try {
                ProvinceOverview overview = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> province.overview(2010, null, schools));
                assertEquals(schools.size(), overview.schools().size());
            } finally {
                locker.rollback();
            }
        }
    }

    private record Coverage(AtomicLong published, AtomicLong withheld, AtomicLong internal, AtomicLong undated,
                            AtomicLong late, AtomicLong revisions, AtomicLong channelless) {
        Coverage() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
                    new AtomicLong());
        }
    }

    /** Every figure of both schools, both kinds of period, 2008-2012, and all years, against the entries. */
    private Coverage sameAsTheEntries(String when) throws Exception {
        Coverage seen = new Coverage();
        WorkingCalendar calendar = workingDays.calendar();
        int limit = config.publishWithinWorkingDays();
        List<Integer> items = IntStream.rangeClosed(1, 50).boxed().toList();
        for (String school : SCHOOLS) {
            for (StatisticsPeriod kind : StatisticsPeriod.values()) {
                for (int year = 2008; year <= 2012; year++) {
                    LocalDate from = kind.start(year);
                    LocalDate to = kind.end(year);
                    String what = when + ": " + school + " " + kind + " " + year;
                    Figures f = QuarkusTransaction.requiringNew().call(() -> queries.figures(school, from, to, items, calendar,
                            limit, config.answerWithinWorkingDays(), List.of(), LocalDate.of(2013, 1, 1), "WEBSITE"));
                    Figures all = QuarkusTransaction.requiringNew().call(() -> queries.figures(school, from, to, items,
                            calendar, limit, config.answerWithinWorkingDays(), List.of(), LocalDate.of(2013, 1, 1), null));
                    SchoolCounts perSchool = QuarkusTransaction.requiringNew().call(() -> counts.perSchool(
                            List.of(new StatisticsCounts.SchoolPeriod(school, from, to)), limit)).get(school);
                    Map<Integer, Long> perItem = QuarkusTransaction.requiringNew().call(() -> counts.perChecklistItem(school, from, to));
                    Set<Integer> before = QuarkusTransaction.requiringNew().call(() -> counts.checklistItemsBefore(school, from));
                    try (Connection c = dataSource.getConnection()) {
                        assertEquals(EntryScanOracle.breakdown(c, school, from, to), f.breakdown(), what + ": breakdown");
                        assertEquals(List.copyOf(EntryScanOracle.withheld(c, school, from, to).entrySet()),
                                List.copyOf(f.withheldByReason().entrySet()), what + ": withheld by reason, in order");
                        assertEquals(EntryScanOracle.byChannel(c, school, from, to), f.byChannel(), what + ": by channel");
                        assertEquals(EntryScanOracle.channelUnion(c, school, from, to), f.channelUnion(), what + ": channel union");
                        assertEquals(EntryScanOracle.internal(c, school, from, to), f.internal(), what + ": internal");
                        TimelinessCounts t = EntryScanOracle.timeliness(c, school, from, to, calendar, limit);
                        assertEquals(t, f.timeliness(), what + ": timeliness");
                        assertEquals(EntryScanOracle.byKindOnChannel(c, school, from, to, "WEBSITE"), f.byKindOnChannel(),
                                what + ": kinds on the website");
                        assertEquals(null, all.byKindOnChannel(), what + ": kinds over every channel");
                        assertEquals(EntryScanOracle.province(c, school, from, to, calendar, limit), perSchool, what + ": province");
                        assertEquals(EntryScanOracle.perChecklistItem(c, school, from, to), perItem, what + ": catalogue counts");
                        assertEquals(EntryScanOracle.checklistItemsBefore(c, school, from), before, what + ": items before");

                        seen.published.addAndGet(f.breakdown().total());
                        seen.withheld.addAndGet(f.withheldByReason().values().stream().mapToLong(Long::longValue).sum());
                        seen.internal.addAndGet(f.internal());
                        seen.undated.addAndGet(t.declared().unknown());
                        seen.late.addAndGet(t.declared().late());
                        seen.revisions.addAndGet(t.revisions().evaluated());
                        seen.channelless.addAndGet(f.breakdown().total() - f.channelUnion());
                    }
                }
            }
            LocalDate first = LocalDate.of(1900, 1, 1);
            LocalDate last = LocalDate.of(9999, 12, 31);
            try (Connection c = dataSource.getConnection()) {
                assertEquals(EntryScanOracle.perChecklistItem(c, school, first, last),
                        QuarkusTransaction.requiringNew().call(() -> counts.perChecklistItem(school, first, last)),
                        when + ": " + school + " catalogue counts of all years");
            }
        }
        return seen;
    }

    /** The counts as text, rows at 0 left out (they count nothing). */
    private String table() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "select school_code, month, status, dimension, value, n from statistics_entry_count where n <> 0",
                    "select school_code, month, channel, kind, n from statistics_channel_count where n <> 0",
                    "select school_code, month, measure, working_days, n from statistics_delay_count where n <> 0")) {
                Set<String> rows = new TreeSet<>();
                try (ResultSet rs = st.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                out.append(String.join("\n", rows)).append("\n--\n");
            }
        }
        return out.toString();
    }

    private void apply(List<ItemClassified> poll, boolean flush) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (ItemClassified e : poll) {
                writer.apply(e, EventCodec.encode(e));
            }
            if (flush) {
                writer.flush();
            }
        });
    }

    /** The events in arrival order, in polls of 1 to 40. */
    private static List<List<ItemClassified>> polls(List<ItemClassified> events, Random random) {
        List<List<ItemClassified>> polls = new ArrayList<>();
        for (int i = 0; i < events.size(); ) {
            int n = Math.min(events.size() - i, 1 + random.nextInt(40));
            polls.add(events.subList(i, i + n));
            i += n;
        }
        return polls;
    }

    /** 400 items of 2008-2011 and their later events. */
    private static List<ItemClassified> register(Random random) {
        List<ItemClassified> first = new ArrayList<>();
        List<ItemClassified> later = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
            String school = SCHOOLS.get(k % 2);
            String id = "cnt-" + RUN + "-" + k;
            ItemClassified e = item(random, school, id, 1);
            int fate = random.nextInt(100);
            if (fate < 8) {
                e = e.toBuilder().scope(Scope.INTERNAL).build();
            } else if (fate < 16) {
                e = e.toBuilder().decision(Decision.WITHHOLD).withholdReason(REASONS.get(random.nextInt(REASONS.size()))).build();
            } else if (fate < 24) {
                e = e.toBuilder().decision(Decision.HOLD).holdReasons(List.of("LOW_CONFIDENCE")).build();
                // a person decides on the held revision later
                later.add(e.toBuilder().decision(Decision.PUBLISH).holdReasons(List.of())
                        .classifiedAt(e.classifiedAt().plus(Duration.ofDays(random.nextInt(30)))).build());
            } else if (fate < 34) {
                // withdrawn later, with or without its last content
                ItemClassified w = e.toBuilder().revision(2).decision(Decision.WITHDRAW)
                        .classifiedAt(e.classifiedAt().plus(Duration.ofDays(5))).build();
                later.add(random.nextBoolean() ? w : w.toBuilder().title(null).body(null).build());
            } else if (fate < 54) {
                // corrected: another date (maybe another year), department, channels or checklist item
                ItemClassified r = item(random, school, id, 2);
                later.add(r.toBuilder().classifiedAt(e.classifiedAt().plus(Duration.ofDays(3 + random.nextInt(60)))).build());
                if (fate < 40) {
                    // a third revision arrives before the second (the second then only joins the history)
                    ItemClassified third = item(random, school, id, 3);
                    later.add(later.size() - 1, third.toBuilder().classifiedAt(e.classifiedAt().plus(Duration.ofDays(90))).build());
                }
            } else if (fate < 58) {
                // withheld, then published as a second revision
                e = e.toBuilder().decision(Decision.WITHHOLD).withholdReason("PERSONAL_PRIVACY").build();
                later.add(item(random, school, id, 2).toBuilder().classifiedAt(e.classifiedAt().plus(Duration.ofDays(10))).build());
            }
            first.add(e);
        }
        List<ItemClassified> all = new ArrayList<>(first);
        all.addAll(later);
        return all;
    }

    private static ItemClassified item(Random random, String school, String id, int revision) {
        LocalDate produced = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(4 * 365));
        // 15% without a published date; some published long after (late)
        LocalDate published = random.nextInt(100) < 15 ? null : produced.plusDays(random.nextInt(100) < 20 ? 30 + random.nextInt(60) : random.nextInt(25));
        ItemKind kind = KINDS.get(random.nextInt(KINDS.size()));
        Integer checklistItem = kind == ItemKind.NEWS || random.nextInt(3) == 0 ? null : 1 + random.nextInt(50);
        // made public by the system some days after the declared date; at 16:30 UTC it is the next day in Shanghai
        LocalDate basis = published == null ? produced : published;
        Instant classified = basis.plusDays(random.nextInt(40)).atTime(random.nextBoolean() ? 2 : 16, 30).toInstant(ZoneOffset.UTC);
        return ItemClassified.builder().itemId(id).revision(revision).schoolCode(school)
                .department(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))).title("计数测试 " + id + " 第" + revision + "版")
                .body("正文").kind(kind).producedDate(produced).publishedDate(published)
                .channels(CHANNELS.get(random.nextInt(CHANNELS.size()))).checklistItem(checklistItem)
                .category(checklistItem == null ? null : 1 + (checklistItem - 1) / 5).confidence(0.9).explanation("test")
                .decision(Decision.PUBLISH).personalDataMasked(false).classifiedAt(classified).build();
    }
}
