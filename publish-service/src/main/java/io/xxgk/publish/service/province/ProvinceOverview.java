package io.xxgk.publish.service.province;

import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.statistics.StatisticsView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Coverage and timeliness of every school of a province side by side, each in its own statistics period. */
@Schema(description = "全省（或全部）学校信息公开概览 / province overview")
public record ProvinceOverview(
        int year,
        @Schema(description = "省份；为空表示全部学校 / province, null for all schools") String province,
        Summary summary,
        List<SchoolRow> schools) {

    /**
     * published/withheld: items in the school's own period; coverage and timeliness as in the statistics
     * endpoint (percent to one decimal, half-up).
     */
    public record SchoolRow(SchoolView school, StatisticsView.Period period, long published, long withheld,
                            Coverage coverage, Timeliness timeliness) {
    }

    /** As the statistics count it: percent = (published + standing) / applicable. */
    public record Coverage(int applicable, int published, int missing, int notApplicable, BigDecimal percent,
                           List<Integer> missingItems, int standing, int covered) {
    }

    public record Timeliness(int limitWorkingDays, long evaluated, long onTime, long late, long undated,
                             BigDecimal percentOnTime) {
    }

    /**
     * Over all listed schools: items published, applicable checklist items covered (published in the period or
     * standing) of all applicable, items on time.
     */
    public record Summary(int schools, long published, long withheld, int applicableItems, int publishedItems,
                          BigDecimal coveragePercent, long onTime, BigDecimal percentOnTime) {
    }
}
