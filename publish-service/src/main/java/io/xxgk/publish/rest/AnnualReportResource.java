package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ShownText;
import io.xxgk.publish.service.report.AnnualReport;
import io.xxgk.publish.service.report.AnnualReportService;
import io.xxgk.publish.service.report.DocxReportRenderer;
import io.xxgk.publish.service.report.ReportFill;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/schools/{schoolCode}/annual-report")
@Tag(name = "statistics", description = "年度信息公开统计与年度报告 / annual statistics and report")
@Blocking
public class AnnualReportResource {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SchoolDirectory schools;
    private final AnnualReportService reports;
    private final ReportConfig config;

    public AnnualReportResource(SchoolDirectory schools, AnnualReportService reports, ReportConfig config) {
        this.schools = schools;
        this.reports = reports;
        this.config = config;
    }

    @GET
    @Operation(summary = "信息公开工作年度报告草稿 / draft annual disclosure report",
            description = "按教办厅函〔2018〕80号的八部分结构生成年度报告草稿：一 概述；二 主动公开情况；三 依申请公开和不予公开情况；"
                    + "四 对信息公开的评议情况；五 因学校信息公开工作受到举报、复议、诉讼的情况；六 本年度信息公开工作的新做法新举措、"
                    + "主要经验、问题和改进措施；七 其他需要报告的事项；八 清单事项公开情况表（50项：序号、类别、清单事项、公开情况、栏目链接、说明）。"
                    + "所有数字取自统计接口，系统无法知道的内容以【待填写：……】标出。模板（措辞、省教育厅通知、联系方式、HTML 与 Word 版式）"
                    + "按学校、省份、默认的顺序取 report-templates 下的文件。格式由 format 参数或 Accept 请求头决定：HTML（可打印网页，默认）或 DOCX（Word 文档）。")
    @APIResponse(responseCode = "200", description = "报告 / the report",
            content = {@Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = DocxReportRenderer.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "year 或 format 参数无效 / invalid year or format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "未找到学校 / unknown school",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(
            @Parameter(description = "学校代码，如 zzsz / school code") @PathParam("schoolCode") String code,
            @Parameter(description = "报告年度（必填），按该校自身的统计期：学年制时 2022 表示 2021-09-01 至 2022-08-31 / report year",
                    required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"), example = "2022")
            @QueryParam("year") String year,
            @Parameter(description = "输出格式：html（默认）或 docx；缺省时按 Accept 请求头 / output format; without it, the Accept header decides",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"html", "docx"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        boolean docx = wantsDocx(format, headers);
        AnnualReport report = reports.draft(school, reports.data(school, y), baseUrl(config, uri), ReportFill.empty(), LocalDate.now(CHINA));
        if (docx) {
            String ascii = school.code() + "-" + y + "-annual-report.docx";
            String utf8 = URLEncoder.encode(report.title() + ".docx", StandardCharsets.UTF_8).replace("+", "%20");
            return Response.ok(reports.docx(school, report), DocxReportRenderer.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
                    .header("Vary", "Accept")
                    .build();
        }
        return Response.ok(reports.html(school, report), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Vary", "Accept")
                .build();
    }

    /** format wins; otherwise the most preferred of the Accept header's types we can give; HTML by default. */
    static boolean wantsDocx(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "docx", "word" -> true;
                case "html" -> false;
                default -> throw Params.invalid("format", "invalid", "format must be html or docx, not '" + ShownText.of(format) + "'",
                        "format 应为 html 或 docx，而不是“" + ShownText.of(format) + "”");
            };
        }
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            throw Params.invalid("Accept", "malformed", "the Accept header is not a list of media types; use format=html or format=docx",
                    "Accept 请求头格式无效；可改用 format=html 或 format=docx");
        }
        for (MediaType m : acceptable) {
            if (m.isCompatible(MediaType.valueOf(DocxReportRenderer.MEDIA_TYPE)) && !m.isWildcardType() && !m.isWildcardSubtype()) {
                return true;
            }
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** The address the catalogue's links in a report start with: the configured public one, else the request's. */
    public static String baseUrl(ReportConfig config, UriInfo uri) {
        String base = config.publicBaseUrl().orElseGet(() -> uri.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
