package io.xxgk.publish.rest.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.rest.AnnualReportResource;
import io.xxgk.publish.rest.ItemQueryParser;
import io.xxgk.publish.rest.Params;
import io.xxgk.publish.rest.ReportConfig;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.TextChecks;
import io.xxgk.publish.service.browse.EntrySearchService;
import io.xxgk.publish.service.browse.ItemDetail;
import io.xxgk.publish.service.browse.ItemPage;
import io.xxgk.publish.service.browse.ItemQuery;
import io.xxgk.publish.service.browse.ItemSummary;
import io.xxgk.publish.service.report.workflow.ReportDocument;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView;
import io.xxgk.publish.service.site.AttachmentLinks;
import io.xxgk.publish.service.site.SchoolSite;
import io.xxgk.publish.service.site.SiteService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 信息公开网: the public pages of each school, server-rendered, no sign-in, no JavaScript needed. Stable URLs under
 * {@code /schools/{school}}. Only published entries ever appear (the services read status PUBLISHED only); a hidden
 * item's page is the same 404 page as a missing one's.
 */
@Path("/schools")
@Tag(name = "site", description = "信息公开网（HTML 页面）/ the public site (HTML pages)")
@Blocking
public class SchoolPagesResource {

    private static final Pattern REPORT_FILE = Pattern.compile("(\\d{4})\\.(html|docx)");

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance schools(List<SchoolLink> schools, List<String> provinces);

        static native TemplateInstance home(Nav nav, SchoolSite site, List<ItemSummary> latest);

        static native TemplateInstance catalogue(Nav nav, CatalogueView catalogue, boolean embed, String frameSources);

        static native TemplateInstance checklist(Nav nav, CatalogueView catalogue);

        static native TemplateInstance item(Nav nav, ItemDetail item, List<AttachmentLink> attachments, List<String> paragraphs);

        static native TemplateInstance search(Nav nav, SearchForm form, List<CategoryOption> categories,
                                              List<ItemOption> items, List<String> errors, ItemPage page, String nextHref);

        static native TemplateInstance reports(Nav nav, List<ReportWorkflowView.Summary> reports);
    }

    public record SchoolLink(String code, String name, String province, String kindLabel) {
    }

    /** An attachment as the public sees it: its name, type and size, and the site's download link (never the object key). */
    public record AttachmentLink(int number, String fileName, String type, String size, String href) {
    }

    /** The search form as typed, to show it again. */
    public record SearchForm(String q, String category, String item, String department, String from, String to) {
        public boolean filtered() {
            return !(blank(q) && blank(category) && blank(item) && blank(department) && blank(from) && blank(to));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public record CategoryOption(int number, String label, boolean selected) {
    }

    public record ItemOption(int number, String label, boolean selected) {
    }

    private final SchoolDirectory schools;
    private final SiteService site;
    private final EntrySearchService search;
    private final ChecklistCatalog checklists;
    private final AttachmentLinks attachmentLinks;
    private final ReportConfig reportConfig;

    public SchoolPagesResource(SchoolDirectory schools, SiteService site, EntrySearchService search, ChecklistCatalog checklists,
                               AttachmentLinks attachmentLinks, ReportConfig reportConfig) {
        this.schools = schools;
        this.site = site;
        this.search = search;
        this.checklists = checklists;
        this.attachmentLinks = attachmentLinks;
        this.reportConfig = reportConfig;
    }

    @GET
    @Operation(summary = "各校信息公开网 / every school's site")
    public Response index() {
        List<SchoolLink> list = schools.all().stream()
                .map(s -> new SchoolLink(s.code(), s.name(), s.province(), s.kind().label())).toList();
        List<String> provinces = schools.all().stream().map(School::province).distinct().sorted().toList();
        return Html.ok(Templates.schools(list, provinces));
    }

    @GET
    @Path("/{school}")
    @Operation(summary = "学校信息公开网首页：信息公开指南、联系方式、最新公开信息 / a school's home page")
    public Response home(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        return Html.ok(Templates.home(Nav.of(s, "home"), site.schoolSite(s), site.latest(s)));
    }

    @GET
    @Path("/{school}/catalogue")
    @Operation(summary = "信息公开目录（十大类五十项）/ the disclosure catalogue")
    public Response catalogue(@PathParam("school") String code, @QueryParam("year") String year) {
        return catalogue(code, year, false);
    }

    @GET
    @Path("/{school}/catalogue/embed")
    @Operation(summary = "可嵌入其他网站的信息公开目录（frame-ancestors 按学校配置）/ the catalogue, frameable by the school's own site")
    public Response embed(@PathParam("school") String code, @QueryParam("year") String year) {
        return catalogue(code, year, true);
    }

    private Response catalogue(String code, String year, boolean embed) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Integer y = year == null || year.isBlank() ? null : Params.year(year);
        String sources = site.frameAncestors(s);
        Response.ResponseBuilder r = Response.ok(Templates.catalogue(Nav.of(s, "catalogue"), site.catalogue(s, y), embed, sources)
                .render()).type(Html.TYPE);
        if (embed) {
            r.header(SiteHeadersFilter.CSP, SiteHeadersFilter.policy(sources));
        }
        return r.build();
    }

    @GET
    @Path("/{school}/checklist")
    @Operation(summary = "信息公开事项清单公开情况表 / the checklist table with links")
    public Response checklist(@PathParam("school") String code, @QueryParam("year") String year) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Integer y = year == null || year.isBlank() ? null : Params.year(year);
        return Html.ok(Templates.checklist(Nav.of(s, "checklist"), site.catalogue(s, y)));
    }

    @GET
    @Path("/{school}/items/{itemId}")
    @Operation(summary = "公开信息页 / one published item")
    public Response item(@PathParam("school") String code, @PathParam("itemId") String itemId) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Nav nav = Nav.of(s, "item");
        Optional<ItemDetail> found = published(s, itemId);
        if (found.isEmpty()) {
            return Html.notFound(nav, "item");
        }
        ItemDetail item = found.get();
        List<AttachmentLink> links = new java.util.ArrayList<>();
        List<AttachmentRef> refs = item.attachments() == null ? List.of() : item.attachments();
        for (int i = 0; i < refs.size(); i++) {
            AttachmentRef a = refs.get(i);
            links.add(new AttachmentLink(i + 1, a.fileName(), typeLabel(a.contentType()), size(a.size()),
                    attachmentLinks.available() ? nav.itemHref(item.id()) + "/attachments/" + (i + 1) : null));
        }
        List<String> paragraphs = item.body() == null ? List.of()
                : java.util.Arrays.stream(item.body().split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        Response.ResponseBuilder r = Response.ok(Templates.item(nav, item, links, paragraphs).render()).type(Html.TYPE);
        if (item.updatedAt() != null) {
            r.lastModified(java.util.Date.from(item.updatedAt()));
        }
        return r.build();
    }

    @GET
    @Path("/{school}/items/{itemId}/attachments/{number}")
    @Operation(summary = "下载附件：转到限时下载链接 / an attachment: a redirect to a short-lived presigned link")
    public Response attachment(@PathParam("school") String code, @PathParam("itemId") String itemId,
                               @PathParam("number") String number) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Optional<ItemDetail> item = published(s, itemId);
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            n = -1;
        }
        List<AttachmentRef> refs = item.map(ItemDetail::attachments).orElse(List.of());
        if (item.isEmpty() || refs == null || n < 1 || n > refs.size()) {
            return Html.notFound(Nav.of(s, "item"), "attachment");
        }
        Optional<String> url = attachmentLinks.presign(refs.get(n - 1));
        if (url.isEmpty()) {
            return Html.notFound(Nav.of(s, "item"), "attachment");
        }
        // a fresh link at each click: never cached (SiteHeadersFilter), so it cannot outlive its signature
        return Response.seeOther(URI.create(url.get())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/{school}/search")
    @Operation(summary = "检索公开信息（关键词、类别、事项、部门、日期，翻页）/ search published items")
    public Response search(@PathParam("school") String code, @QueryParam("q") String q, @QueryParam("category") String category,
                           @QueryParam("item") String item, @QueryParam("department") String department,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Checklist checklist = checklists.forSchool(s);
        SearchForm form = new SearchForm(q, category, item, department, from, to);
        List<CategoryOption> categories = checklist.categories().stream()
                .map(c -> new CategoryOption(c.number(), c.label() + "、" + c.name(), String.valueOf(c.number()).equals(trim(category))))
                .toList();
        List<ItemOption> items = checklist.categories().stream().flatMap(c -> c.items().stream())
                .map(i -> new ItemOption(i.number(), i.number() + ". " + shorten(i.textFor(s.kind())), String.valueOf(i.number()).equals(trim(item))))
                .toList();
        Nav nav = Nav.of(s, "search");
        ItemQuery query;
        try {
            query = ItemQueryParser.parse(new ItemQueryParser.Params(category, item, department, null, from, to, q, null, cursor), checklist);
        } catch (ProblemException e) {
            List<String> errors = e.problem().errors() == null ? List.of(e.problem().detail())
                    : e.problem().errors().stream().map(SchoolPagesResource::shown).toList();
            return Html.status(400, Templates.search(nav, form, categories, items, errors, null, null));
        }
        if (!form.filtered() && query.after() == null) {
            return Html.ok(Templates.search(nav, form, categories, items, List.of(), null, null));
        }
        ItemPage page = search.page(s, query, next -> next);
        String nextHref = page.next() == null ? null : nav.base() + "/search?" + queryString(form, page.next());
        return Html.ok(Templates.search(nav, form, categories, items, List.of(), page, nextHref));
    }

    @GET
    @Path("/{school}/reports")
    @Operation(summary = "信息公开工作年度报告（已审定）/ the approved annual reports")
    public Response reports(@PathParam("school") String code) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        return Html.ok(Templates.reports(Nav.of(s, "reports"), site.publishedReports(s)));
    }

    @GET
    @Path("/{school}/reports/{file}")
    @Operation(summary = "已审定的年度报告，如 2025.html 或 2025.docx / an approved annual report")
    public Response report(@PathParam("school") String code, @PathParam("file") String file, @Context UriInfo uri) {
        Optional<School> school = schools.find(code);
        if (school.isEmpty()) {
            return Html.unknownSchool();
        }
        School s = school.get();
        Matcher m = REPORT_FILE.matcher(file == null ? "" : file.toLowerCase(Locale.ROOT));
        Optional<ReportDocument> doc = Optional.empty();
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (year >= Params.MIN_YEAR && year <= Params.MAX_YEAR) {
                doc = site.publishedReport(s, year, "docx".equals(m.group(2)), AnnualReportResource.baseUrl(reportConfig, uri));
            }
        }
        if (doc.isEmpty()) {
            return Html.notFound(Nav.of(s, "reports"), "report");
        }
        ReportDocument d = doc.get();
        Response.ResponseBuilder r = Response.ok(d.body(), d.mediaType());
        if (!d.mediaType().startsWith("text/html")) {
            String utf8 = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
            r.header("Content-Disposition", "attachment; filename=\"" + d.asciiFileName() + "\"; filename*=UTF-8''" + utf8);
        }
        return r.build();
    }

    private Optional<ItemDetail> published(School school, String itemId) {
        if (itemId == null || TextChecks.hasControlCharacters(itemId)) {
            return Optional.empty();
        }
        return search.detail(school, itemId);
    }

    private static String queryString(SearchForm f, String cursor) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", f.q());
        p.put("category", f.category());
        p.put("item", f.item());
        p.put("department", f.department());
        p.put("from", f.from());
        p.put("to", f.to());
        p.put("cursor", cursor);
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(Nav.enc(v.strip()));
            }
        });
        return b.toString();
    }

    /** The form's label of each parameter the parser may name (the form calls the checklist item "item"). */
    private static final Map<String, String> LABELS = Map.of("q", "关键词", "category", "类别", "checklistItem", "清单事项",
            "department", "发布部门", "from", "起始日期", "to", "截止日期", "cursor", "翻页位置");

    /** The parser's Chinese message, under the label the person sees on the form. */
    private static String shown(FieldError e) {
        String zh = e.messageZh() == null ? e.message() : e.messageZh();
        String label = LABELS.getOrDefault(e.field(), e.field());
        return label + "：" + zh;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    static String typeLabel(String contentType) {
        if (contentType == null) {
            return "文件";
        }
        return switch (contentType) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "Excel";
            case "image/png", "image/jpeg", "image/gif" -> "图片";
            case "application/zip" -> "ZIP";
            default -> "文件";
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
