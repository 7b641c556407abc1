package io.xxgk.publish.service.province;

import io.xxgk.contract.school.School;
import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.ChecklistCoverage;
import io.xxgk.publish.service.Percent;
import io.xxgk.publish.service.coverage.NotApplicableService;
import io.xxgk.publish.service.statistics.StatisticsConfig;
import io.xxgk.publish.service.statistics.StatisticsService;
import io.xxgk.publish.service.statistics.WorkingDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The province view: two grouped queries for all the schools at once, each school joined to its own period
 * (school year or calendar year), over the indexes of V2.
 */
@ApplicationScoped
public class ProvinceService {

    private final DataSource dataSource;
    private final ChecklistCatalog checklists;
    private final WorkingDays workingDays;
    private final StatisticsConfig config;
    private final NotApplicableService notApplicable;

    public ProvinceService(DataSource dataSource, ChecklistCatalog checklists, WorkingDays workingDays, StatisticsConfig config,
                           NotApplicableService notApplicable) {
        this.dataSource = dataSource;
        this.notApplicable = notApplicable;
        this.checklists = checklists;
        this.workingDays = workingDays;
        this.config = config;
    }

    private record Counts(long published, long withheld, long late, long undated) {
    }

    /** Its own transaction: the snapshot statement must be the transaction's first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProvinceOverview overview(int year, String province, List<School> schools) {
        Map<String, Counts> counts = new HashMap<>();
        Map<String, Set<Integer>> itemsPublished = new HashMap<>();
        Map<String, Set<Integer>> itemsBefore = new HashMap<>();
        if (!schools.isEmpty()) {
            String codes = array(schools.stream().map(School::code).toList());
            String froms = array(schools.stream().map(s -> s.statisticsPeriod().start(year).toString()).toList());
            String tos = array(schools.stream().map(s -> s.statisticsPeriod().end(year).toString()).toList());
            String periods = "unnest(cast(? as varchar[]), cast(? as date[]), cast(? as date[])) as p(code, d_from, d_to)";
            try (Connection c = dataSource.getConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        select p.code,
                               count(*) filter (where e.status = 'PUBLISHED') as published,
                               count(*) filter (where e.status = 'WITHHELD') as withheld,
                               count(*) filter (where e.status = 'PUBLISHED' and (case when e.original_produced_date is null
                                   then e.published_date else e.original_published_date end) is null) as undated,
                               count(*) filter (where e.status = 'PUBLISHED' and xxgk_working_days(
                                   coalesce(e.original_produced_date, e.produced_date),
                                   case when e.original_produced_date is null then e.published_date else e.original_published_date end,
                                   cast(? as date[]), cast(? as date[])) > ?) as late
                        from %s
                        join catalogue_entry e on e.school_code = p.code and e.status in ('PUBLISHED', 'WITHHELD')
                             and e.item_date between p.d_from and p.d_to
                        group by p.code
                        """.formatted(periods))) {
                    workingDays.bind(ps, 1, 2);
                    ps.setInt(3, config.publishWithinWorkingDays());
                    ps.setString(4, codes);
                    ps.setString(5, froms);
                    ps.setString(6, tos);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString("code"), new Counts(rs.getLong("published"), rs.getLong("withheld"),
                                    rs.getLong("late"), rs.getLong("undated")));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        select p.code, e.checklist_item, bool_or(e.item_date >= p.d_from) as in_period
                        from %s
                        join catalogue_entry e on e.school_code = p.code and e.status = 'PUBLISHED'
                             and e.item_date <= p.d_to
                        where e.checklist_item is not null
                        group by p.code, e.checklist_item
                        """.formatted(periods))) {
                    ps.setString(1, codes);
                    ps.setString(2, froms);
                    ps.setString(3, tos);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            (rs.getBoolean("in_period") ? itemsPublished : itemsBefore)
                                    .computeIfAbsent(rs.getString("code"), k -> new HashSet<>()).add(rs.getInt("checklist_item"));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("province overview query failed: " + e.getMessage(), e);
            }
        }

        Map<String, Map<Integer, String>> marks = notApplicable.reasonsBySchool();
        int limit = config.publishWithinWorkingDays();
        List<ProvinceOverview.SchoolRow> rows = new ArrayList<>();
        long published = 0;
        long withheld = 0;
        long onTimeAll = 0;
        int applicableAll = 0;
        int publishedItemsAll = 0;
        for (School school : schools) {
            Counts n = counts.getOrDefault(school.code(), new Counts(0, 0, 0, 0));
            Set<Integer> items = itemsPublished.getOrDefault(school.code(), Set.of());
            Set<Integer> before = itemsBefore.getOrDefault(school.code(), Set.of());
            ChecklistCoverage coverage = ChecklistCoverage.of(checklists.forSchool(school), school.kind(), items::contains,
                    before::contains, marks.getOrDefault(school.code(), Map.of()));
            // as the statistics count it: an item without a published date is unknown, not on time
            long onTime = n.published() - n.late() - n.undated();
            rows.add(new ProvinceOverview.SchoolRow(SchoolView.of(school), StatisticsService.period(school.statisticsPeriod(), year),
                    n.published(), n.withheld(),
                    new ProvinceOverview.Coverage(coverage.applicable(), coverage.published(), coverage.missing(),
                            coverage.notApplicable(), coverage.percent(), coverage.missingItems(), coverage.standing(),
                            coverage.covered()),
                    new ProvinceOverview.Timeliness(limit, n.published(), onTime, n.late(), n.undated(),
                            Percent.of(onTime, n.published()))));
            published += n.published();
            withheld += n.withheld();
            onTimeAll += onTime;
            applicableAll += coverage.applicable();
            publishedItemsAll += coverage.covered();
        }
        return new ProvinceOverview(year, province, new ProvinceOverview.Summary(schools.size(), published, withheld,
                applicableAll, publishedItemsAll, Percent.of(publishedItemsAll, applicableAll), onTimeAll,
                Percent.of(onTimeAll, published)), rows);
    }

    /** A PostgreSQL array literal of quoted text elements. */
    static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
