package io.xxgk.publish.service.site;

import io.xxgk.contract.school.School;
import io.xxgk.publish.service.CatalogueService;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.browse.EntrySearchService;
import io.xxgk.publish.service.browse.ItemQuery;
import io.xxgk.publish.service.browse.ItemSummary;
import io.xxgk.publish.service.browse.PageCursor;
import io.xxgk.publish.service.province.ProvinceOverview;
import io.xxgk.publish.service.province.ProvinceService;
import io.xxgk.publish.service.report.workflow.AnnualReportWorkflow;
import io.xxgk.publish.service.report.workflow.ReportDocument;
import io.xxgk.publish.service.report.workflow.ReportState;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the public site (信息公开网) needs beyond the JSON API's services, built on them: the school's guide and
 * contacts, its newest items, its published annual reports, and the province's coverage matrix. Reads only
 * published entries, through {@link CatalogueService}, {@link EntrySearchService} and {@link ProvinceService}.
 */
@ApplicationScoped
public class SiteService {

    /** Only reports a leader approved are public; a frozen one is still under review. */
    static final Set<ReportState> PUBLIC_REPORTS = EnumSet.of(ReportState.APPROVED, ReportState.SUBMITTED);

    private static final PageCursor BEFORE_EVERYTHING = new PageCursor(LocalDate.of(9999, 12, 31), "");

    private final SiteSettings settings;
    private final EntrySearchService search;
    private final CatalogueService catalogue;
    private final ProvinceService province;
    private final AnnualReportWorkflow reports;

    public SiteService(SiteSettings settings, EntrySearchService search, CatalogueService catalogue, ProvinceService province,
                       AnnualReportWorkflow reports) {
        this.settings = settings;
        this.search = search;
        this.catalogue = catalogue;
        this.province = province;
        this.reports = reports;
    }

    public SchoolSite schoolSite(School school) {
        Optional<SiteSettings.School> s = Optional.ofNullable(settings.schools().get(school.code()));
        List<String> guide = s.flatMap(SiteSettings.School::guide)
                .map(text -> Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList())
                .orElseGet(() -> standardGuide(school));
        return new SchoolSite(guide,
                s.flatMap(SiteSettings.School::office).orElse("信息公开办公室"),
                s.flatMap(SiteSettings.School::address).orElse(null),
                s.flatMap(SiteSettings.School::phone).orElse(null),
                s.flatMap(SiteSettings.School::email).orElse(null),
                s.flatMap(SiteSettings.School::hours).orElse(null));
    }

    /** The CSP frame-ancestors sources of the school's embeddable catalogue. */
    public String frameAncestors(School school) {
        return Optional.ofNullable(settings.schools().get(school.code())).flatMap(SiteSettings.School::frameAncestors)
                .map(String::strip).filter(v -> !v.isEmpty()).orElse(settings.frameAncestors());
    }

    /**
     * The newest published items. Asked as the page after a position before every entry, so that no total is counted
     * (a first page counts every match, which the home page does not show).
     */
    public List<ItemSummary> latest(School school) {
        ItemQuery newest = new ItemQuery(null, null, null, null, null, null, List.of(),
                Math.min(Math.max(settings.latestItems(), 1), ItemQuery.MAX_LIMIT), BEFORE_EVERYTHING);
        return search.page(school, newest, cursor -> null).items();
    }

    public CatalogueView catalogue(School school, Integer year) {
        return catalogue.catalogue(school, year, Math.min(Math.max(settings.entriesPerItem(), 1), 200));
    }

    /** Approved (and submitted) annual reports, newest year first. */
    public List<ReportWorkflowView.Summary> publishedReports(School school) {
        List<ReportWorkflowView.Summary> list = new ArrayList<>(reports.list(school).stream()
                .filter(r -> PUBLIC_REPORTS.contains(ReportState.valueOf(r.state()))).toList());
        list.sort((a, b) -> Integer.compare(b.year(), a.year()));
        return list;
    }

    /** The approved report of the year as HTML or DOCX; empty when that year's report is not approved. */
    public Optional<ReportDocument> publishedReport(School school, int year, boolean docx, String baseUrl) {
        boolean approved = publishedReports(school).stream().anyMatch(r -> r.year() == year);
        return approved ? Optional.of(reports.document(school, year, docx, baseUrl)) : Optional.empty();
    }

    /** The province's schools side by side, and for each checklist item each school's status in the year. */
    public ProvinceMatrix provinceMatrix(int year, String provinceName, List<School> schools) {
        ProvinceOverview overview = province.overview(year, provinceName, schools);
        List<CatalogueView> catalogues = schools.stream().map(s -> catalogue.catalogue(s, year, 1)).toList();
        List<ProvinceMatrix.Row> rows = new ArrayList<>();
        if (!catalogues.isEmpty()) {
            for (CatalogueView.Category c : catalogues.get(0).categories()) {
                for (CatalogueView.Item i : c.items()) {
                    List<ProvinceMatrix.Cell> cells = new ArrayList<>();
                    for (CatalogueView cv : catalogues) {
                        cells.add(cv.categories().stream().flatMap(x -> x.items().stream()).filter(x -> x.number() == i.number())
                                .findFirst().map(x -> ProvinceMatrix.Cell.of(x.status(), x.entryCount()))
                                .orElse(ProvinceMatrix.Cell.of("NOT_APPLICABLE", 0)));
                    }
                    rows.add(new ProvinceMatrix.Row(i.number(), c.label(), i.text(), cells));
                }
            }
        }
        return new ProvinceMatrix(overview, rows);
    }

    static List<String> standardGuide(School school) {
        String n = school.name();
        return List.of(
                "为保障公民、法人和其他组织依法获取" + n + "信息，根据《中华人民共和国政府信息公开条例》《高等学校信息公开办法》"
                        + "和《高等学校信息公开事项清单》，编制本指南。",
                "一、主动公开。本校按《清单》的十大类五十项主动公开信息，在信息形成或变更之日起二十个工作日内通过本网站公开；"
                        + "“信息公开目录”列出每一事项已公开的信息，“清单”列出每一事项的公开情况。本校不涉及的事项注明原因。",
                "二、依申请公开。公民、法人和其他组织可以通过本网站“依申请公开”栏目在线提交申请，本校自收到申请之日起十五个工作日内答复。",
                "三、不予公开。涉及国家秘密、商业秘密、个人隐私的信息，以及法律、法规和国家有关规定不予公开的信息，不予公开。",
                "四、监督和保障。认为本校未依法履行信息公开义务的，可以向本校信息公开办公室提出意见，也可以向省级教育行政部门举报。");
    }
}
