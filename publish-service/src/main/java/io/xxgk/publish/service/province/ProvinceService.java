package io.xxgk.publish.service.province;

import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.statistics.StatisticsCounts;
import io.xxgk.publish.repository.statistics.StatisticsCounts.SchoolCounts;
import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.ChecklistCoverage;
import io.xxgk.publish.service.Percent;
import io.xxgk.publish.service.coverage.NotApplicableService;
import io.xxgk.publish.service.statistics.StatisticsConfig;
import io.xxgk.publish.service.statistics.StatisticsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The province view: the maintained counts of V13 of all the schools at once, each school over its own period
 * (school year or calendar year).
 */
@ApplicationScoped
public class ProvinceService {

    private final StatisticsCounts counts;
    private final ChecklistCatalog checklists;
    private final StatisticsConfig config;
    private final NotApplicableService notApplicable;

    public ProvinceService(StatisticsCounts counts, ChecklistCatalog checklists, StatisticsConfig config,
                           NotApplicableService notApplicable) {
        this.counts = counts;
        this.notApplicable = notApplicable;
        this.checklists = checklists;
        this.config = config;
    }

    /** Its own transaction: the counts are read in one snapshot, whose statement must be the transaction's first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProvinceOverview overview(int year, String province, List<School> schools) {
        Map<String, SchoolCounts> counts = this.counts.perSchool(schools.stream().map(s -> new StatisticsCounts.SchoolPeriod(
                s.code(), s.statisticsPeriod().start(year), s.statisticsPeriod().end(year))).toList(),
                config.publishWithinWorkingDays());
        Map<String, Map<Integer, String>> marks = notApplicable.reasonsBySchool();
        int limit = config.publishWithinWorkingDays();
        List<ProvinceOverview.SchoolRow> rows = new ArrayList<>();
        long published = 0;
        long withheld = 0;
        long onTimeAll = 0;
        int applicableAll = 0;
        int publishedItemsAll = 0;
        for (School school : schools) {
            SchoolCounts n = counts.get(school.code());
            Set<Integer> items = n.itemsInPeriod();
            Set<Integer> before = n.itemsBefore();
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
}
