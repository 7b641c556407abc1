package io.xxgk.publish.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.yearend.YearEndFiguresService;
import io.xxgk.publish.service.yearend.YearEndFiguresView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Year-end figures that are not items (新媒体、简报校报、会议、媒体报道、阳光服务平台、满意度调查、自查), per school and period,
 * recorded by the disclosure office through the console; the statistics of the period show them.
 */
@Path("/api/v1/console/schools/{schoolCode}/year-end-figures/{year}")
@Tag(name = "console: year-end figures", description = "控制台：年终数据（非清单信息） / console: year-end figures that are not items")
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ConsoleYearEndFiguresResource {

    private final SchoolDirectory schools;
    private final YearEndFiguresService figures;

    public ConsoleYearEndFiguresResource(SchoolDirectory schools, YearEndFiguresService figures) {
        this.schools = schools;
        this.figures = figures;
    }

    @GET
    @Operation(summary = "某统计期的年终数据 / the year-end figures of a period")
    @APIResponse(responseCode = "400", description = "年度或统计期类型无效 / invalid year or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public YearEndFiguresView get(@PathParam("schoolCode") String code,
                                  @Parameter(description = "统计年度；学年制时 2022 表示 2021-2022 学年 / the year the period ends in")
                                  @PathParam("year") String year,
                                  @Parameter(description = "school-year 或 calendar-year，缺省为该校自身的统计期 / period kind",
                                          schema = @Schema(type = SchemaType.STRING, enumeration = {"school-year", "calendar-year"}))
                                  @QueryParam("period") String period,
                                  @BeanParam ActorHeaders actor) {
        actor.require();
        School school = Params.school(schools, code);
        return figures.figures(school, Params.period(period, school), Params.year(year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "填报某统计期的年终数据（审核人员或管理员；整体替换） / record a period's year-end figures (reviewer or admin; replaces the set)",
            description = "请求体为 JSON 对象，成员为年终数据项：计数为整数（可写成 {\"value\": 10, \"approximate\": true} 表示“10余次”），"
                    + "满意率为 0-100 的百分数（最多一位小数），自查四个维度等为文字。未列出的项被删除。"
                    + " Keys: wechatPosts, wechatFollowers, wechatReads, wechatTopArticleTitle, wechatTopArticleReads, videoPosts,"
                    + " videoFollowers, videoViews, weiboPosts, weiboFollowers, briefingIssues, campusPaperIssues,"
                    + " partyCommitteeMeetings, presidentOfficeMeetings, jointMeetings, cadreMeetings, staffCongressMeetings,"
                    + " otherMeetings, mediaReports, nationalMediaReports, provincialMediaReports, trainingSessions, trainingParticipants, sunshineCases, sunshineResolved,"
                    + " sunshineSatisfactionPercent, surveyRespondents, surveySatisfactionPercent, surveyResult,"
                    + " selfInspectionCompleteness, selfInspectionAvailability, selfInspectionTimeliness, selfInspectionConvenience.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"wechatFollowers\": 23500, \"wechatReads\": 771759, \"partyCommitteeMeetings\": {\"value\": 10, \"approximate\": true},"
                    + " \"selfInspectionCompleteness\": \"对照清单逐条核查，条目完整\"}"))
    @APIResponse(responseCode = "200", description = "已保存 / recorded")
    @APIResponse(responseCode = "400", description = "某项数据无效（逐项指明） / a figure is invalid (each named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "代理人不是审核人员或管理员 / the actor is not a reviewer or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public YearEndFiguresView put(@PathParam("schoolCode") String code, @PathParam("year") String year,
                                  @QueryParam("period") String period,
                                  @BeanParam ActorHeaders actor,
                                  JsonNode body) {
        ActingUser acting = actor.require();
        School school = Params.school(schools, code);
        return figures.record(school, Params.period(period, school), Params.year(year), body, acting);
    }
}
