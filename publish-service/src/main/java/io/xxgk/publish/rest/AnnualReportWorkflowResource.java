package io.xxgk.publish.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.report.DocxReportRenderer;
import io.xxgk.publish.service.report.workflow.AnnualReportWorkflow;
import io.xxgk.publish.service.report.workflow.ReportContent;
import io.xxgk.publish.service.report.workflow.ReportDocument;
import io.xxgk.publish.service.report.workflow.ReportNote;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView;
import io.xxgk.publish.service.report.workflow.ReportWorkflowView.Summary;
import io.xxgk.publish.service.report.workflow.SubmissionRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import java.util.List;

/**
 * The annual report as a workflow, for the console (HTTP Basic, role console, acting for the person named in the
 * X-Xxgk-Actor headers): fill, freeze, approve (leaders), download, record the submission. The public draft stays
 * at {@link AnnualReportResource}.
 */
@Path("/api/v1/console/schools/{schoolCode}/annual-reports")
@Tag(name = "annual-report-workflow", description = "年度报告工作流（控制台） / the annual report workflow (console)")
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AnnualReportWorkflowResource {

    private final SchoolDirectory schools;
    private final AnnualReportWorkflow workflow;
    private final ReportConfig config;

    public AnnualReportWorkflowResource(SchoolDirectory schools, AnnualReportWorkflow workflow, ReportConfig config) {
        this.schools = schools;
        this.workflow = workflow;
        this.config = config;
    }

    @GET
    @Operation(summary = "学校各年度报告的状态 / the school's reports and their states")
    @APIResponse(responseCode = "200", description = "按年度倒序 / newest year first")
    public List<Summary> list(@PathParam("schoolCode") String code) {
        return workflow.list(Params.school(schools, code));
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "年度报告：状态、已填内容、空白项、操作记录 / the report: state, content, open blanks, history",
            description = "allowedActions 列出当前操作人此时可做的操作。 / allowedActions: what the acting person may do now.")
    @APIResponse(responseCode = "200", description = "报告 / the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportWorkflowView.class)))
    @APIResponse(responseCode = "400", description = "参数或操作人无效 / bad year or actor headers", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public ReportWorkflowView view(@PathParam("schoolCode") String code, @PathParam("year") String year,
                                   @BeanParam ActorHeaders actor) {
        return workflow.view(Params.school(schools, code), Params.year(year), actor.require());
    }

    @GET
    @Path("/{year}/preview")
    @Produces({MediaType.TEXT_HTML, DocxReportRenderer.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(summary = "预览：草稿（当前统计＋已填内容）或已冻结的版本 / preview: the draft (today's statistics and what was filled) or the frozen version")
    @APIResponse(responseCode = "200", description = "报告 / the report", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DocxReportRenderer.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response preview(@PathParam("schoolCode") String code, @PathParam("year") String year,
                            @Parameter(description = "html（默认）或 docx", schema = @Schema(enumeration = {"html", "docx"}))
                            @QueryParam("format") String format,
                            @BeanParam ActorHeaders actor,
                            @Context HttpHeaders headers, @Context UriInfo uri) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        actor.require();
        return send(workflow.preview(school, y, AnnualReportResource.wantsDocx(format, headers), AnnualReportResource.baseUrl(config, uri)), false);
    }

    @GET
    @Path("/{year}/document")
    @Produces({MediaType.TEXT_HTML, DocxReportRenderer.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(summary = "下载定稿：冻结（送审稿）或审定后的版本 / download the frozen or approved version",
            description = "审定后的版本注明“已审定”、分管领导和审定日期。草稿（未冻结）为 409。 / The approved version says 已审定 with the approver and date; a draft is 409.")
    @APIResponse(responseCode = "200", description = "报告 / the report", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DocxReportRenderer.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "409", description = "报告尚未冻结 / not frozen yet", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response document(@PathParam("schoolCode") String code, @PathParam("year") String year,
                             @Parameter(description = "html（默认）或 docx", schema = @Schema(enumeration = {"html", "docx"}))
                             @QueryParam("format") String format,
                             @BeanParam ActorHeaders actor,
                             @Context HttpHeaders headers, @Context UriInfo uri) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        actor.require();
        return send(workflow.document(school, y, AnnualReportResource.wantsDocx(format, headers), AnnualReportResource.baseUrl(config, uri)), true);
    }

    @PUT
    @Path("/{year}/content")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "填写空白项和年末数字（整体替换；仅草稿） / fill the blanks and year-end figures (replaces; drafts only)",
            description = "信息公开办公室审核人或分管领导。已冻结的报告为 409，需先解除冻结。 / Reviewers and leaders; a frozen report is 409 until unfrozen.")
    @APIResponse(responseCode = "200", description = "报告 / the report")
    @APIResponse(responseCode = "400", description = "内容无效（errors 指明字段） / invalid content, naming the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "角色无权 / role may not", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "已冻结 / frozen", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public ReportWorkflowView fill(@PathParam("schoolCode") String code, @PathParam("year") String year, ReportContent content,
                                   @BeanParam ActorHeaders actor) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return workflow.updateContent(school, y, content, actor.require());
    }

    @POST
    @Path("/{year}/freeze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "冻结：快照统计数据，此后新信息不再改变报告 / freeze: snapshot the statistics",
            description = "须无【待填写】空白项（否则 409，errors 列出各空白项）。 / Every blank must be filled (else 409 naming each).")
    @APIResponse(responseCode = "200", description = "报告 / the report")
    @APIResponse(responseCode = "409", description = "尚有空白项或已冻结 / blanks open or already frozen",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportWorkflowView freeze(@PathParam("schoolCode") String code, @PathParam("year") String year, ReportNote note,
                                     @BeanParam ActorHeaders actor, @Context UriInfo uri) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return workflow.freeze(school, y, note, actor.require(), AnnualReportResource.baseUrl(config, uri));
    }

    @POST
    @Path("/{year}/unfreeze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "解除冻结（须填原因；审定随之撤销；已报送的不可） / unfreeze (reason required; drops the approval; not after submission)")
    @APIResponse(responseCode = "200", description = "报告 / the report")
    public ReportWorkflowView unfreeze(@PathParam("schoolCode") String code, @PathParam("year") String year, ReportNote note,
                                       @BeanParam ActorHeaders actor) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return workflow.unfreeze(school, y, note, actor.require());
    }

    @POST
    @Path("/{year}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审定（仅分管领导；仅冻结后的报告） / approve (leaders only; frozen reports only)",
            description = "审定时生成并保存 HTML 与 Word 定稿，此后下载的都是这两份文件，逐字节不变。 / On approval the HTML and Word"
                    + " documents are rendered and stored; every later download returns exactly these bytes.")
    @APIResponse(responseCode = "200", description = "报告 / the report")
    @APIResponse(responseCode = "403", description = "非分管领导 / not a leader", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "未冻结或已审定 / not frozen or already approved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportWorkflowView approve(@PathParam("schoolCode") String code, @PathParam("year") String year, ReportNote note,
                                      @BeanParam ActorHeaders actor, @Context UriInfo uri) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return workflow.approve(school, y, note, actor.require(), AnnualReportResource.baseUrl(config, uri));
    }

    @POST
    @Path("/{year}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记报送省教育厅（日期、方式；仅审定后） / record the submission to the provincial education department (after approval)")
    @APIResponse(responseCode = "200", description = "报告 / the report")
    @APIResponse(responseCode = "400", description = "日期或方式无效 / bad date or method", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "尚未审定或已登记 / not approved or already recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportWorkflowView submission(@PathParam("schoolCode") String code, @PathParam("year") String year, SubmissionRequest body,
                                         @BeanParam ActorHeaders actor) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return workflow.recordSubmission(school, y, body, actor.require());
    }

    private static Response send(ReportDocument d, boolean attachment) {
        String utf8 = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.body(), d.mediaType())
                .header("Content-Disposition", (attachment || d.mediaType().equals(DocxReportRenderer.MEDIA_TYPE) ? "attachment" : "inline")
                        + "; filename=\"" + d.asciiFileName() + "\"; filename*=UTF-8''" + utf8)
                .header("Cache-Control", "no-store")
                .build();
    }
}
