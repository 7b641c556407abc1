package io.xxgk.publish.rest;

import io.xxgk.publish.service.statistics.StatisticsService;
import io.xxgk.publish.service.statistics.StatisticsView;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{schoolCode}/statistics")
@Tag(name = "statistics", description = "年度信息公开统计与年度报告 / annual statistics and report")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StatisticsResource {

    private final SchoolDirectory schools;
    private final StatisticsService statistics;

    public StatisticsResource(SchoolDirectory schools, StatisticsService statistics) {
        this.schools = schools;
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "年度信息公开统计 / annual disclosure statistics",
            description = "统计期内已发布（PUBLISHED）信息按清单类别、清单事项、信息类别标题、公开渠道、发布部门和月份的条数与占比"
                    + "（百分比保留一位小数，四舍五入）；清单50项的公开覆盖情况；20个工作日内公开的及时率；依申请公开的收到、"
                    + "按七类答复、15个工作日内答复及收费情况；举报（投诉）、行政复议、行政诉讼按结果统计。不予公开的信息只计数。"
                    + "信息的统计日期为公开日期，未填写时为产生日期。")
    @APIResponse(responseCode = "200", description = "统计结果 / the statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "year 或 period 参数无效 / invalid year or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "未找到学校 / unknown school",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatisticsView statistics(
            @Parameter(description = "学校代码，如 zzsz / school code") @PathParam("schoolCode") String code,
            @Parameter(description = "统计年度（必填）；学年制时 2022 表示 2021-09-01 至 2022-08-31，自然年制时表示 2022-01-01 至 2022-12-31 / statistics year",
                    required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"), example = "2022")
            @QueryParam("year") String year,
            @Parameter(description = "统计期类型：school-year（学年）或 calendar-year（自然年）；缺省为该校自身的统计期 / period kind, defaults to the school's own",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"school-year", "calendar-year"}))
            @QueryParam("period") String period) {
        School school = Params.school(schools, code);
        int y = Params.year(year);
        return statistics.statistics(school, y, Params.period(period, school));
    }
}
