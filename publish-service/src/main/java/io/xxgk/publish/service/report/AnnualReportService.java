package io.xxgk.publish.service.report;

import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.report.ReportTitleQueries;
import io.xxgk.publish.repository.report.ReportTitleQueries.CategoryTitles;
import io.xxgk.publish.service.report.AnnualReportBuilder.Stamp;
import io.xxgk.publish.service.statistics.StatisticsService;
import io.xxgk.publish.service.statistics.StatisticsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes and renders the annual report: its data (the statistics and the period's titles per category), the
 * school's template files (wording, HTML, Word; {@link ReportTemplates}) and what the office filled in.
 */
@ApplicationScoped
public class AnnualReportService {

    /** Titles per category the narrative of 二（五） quotes. */
    static final int TITLES_PER_CATEGORY = 3;

    private final StatisticsService statistics;
    private final ReportTitleQueries titles;
    private final ReportTemplates templates;

    public AnnualReportService(StatisticsService statistics, ReportTitleQueries titles, ReportTemplates templates) {
        this.statistics = statistics;
        this.titles = titles;
        this.templates = templates;
    }

    /** The figures and titles a report is written from; what a frozen report stores. */
    public record Data(StatisticsView statistics, List<CategoryTitles> titles) {
    }

    /** Today's data of the school's report of {@code year} (the statistics in their own snapshot transaction). */
    @Transactional
    public Data data(School school, int year) {
        StatisticsView s = statistics.statistics(school, year, school.statisticsPeriod());
        return new Data(s, titles.newestPerCategory(school.code(), s.period().from(), s.period().to(), TITLES_PER_CATEGORY));
    }

    /** The draft as of {@code on}. */
    public AnnualReport draft(School school, Data data, String baseUrl, ReportFill fill, LocalDate on) {
        return builder(school, data, baseUrl, fill).build(on);
    }

    public AnnualReport build(School school, Data data, String baseUrl, ReportFill fill, LocalDate on, Stamp stamp) {
        return builder(school, data, baseUrl, fill).build(on, stamp);
    }

    public byte[] html(School school, AnnualReport report) {
        return new HtmlReportRenderer().render(templates.html(school), report).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] docx(School school, AnnualReport report) {
        return new DocxReportRenderer().render(templates.docx(school).bytes(), report);
    }

    private AnnualReportBuilder builder(School school, Data data, String baseUrl, ReportFill fill) {
        return new AnnualReportBuilder(school, data.statistics(), baseUrl, fill, templates.profile(school), data.titles());
    }
}
