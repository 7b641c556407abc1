package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ShownText;
import io.xxgk.publish.service.province.ProvinceOverview;
import io.xxgk.publish.service.province.ProvinceService;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.util.List;
import java.util.TreeSet;

@Path("/api/v1/province/overview")
@Tag(name = "province", description = "省级教育行政部门视图 / the provincial education department's view")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ProvinceResource {

    private final SchoolDirectory schools;
    private final ProvinceService service;

    public ProvinceResource(SchoolDirectory schools, ProvinceService service) {
        this.schools = schools;
        this.service = service;
    }

    @GET
    @Operation(summary = "各校信息公开覆盖率与及时率对比 / coverage and timeliness of every school side by side",
            description = "列出全部学校（或某省学校）在指定年度的主动公开条数、不予公开条数、清单事项覆盖情况（已公开/适用/未公开/不适用）"
                    + "和20个工作日内公开的及时率。每所学校按其自身的统计期计算：学年制学校 2022 表示 2021-09-01 至 2022-08-31，"
                    + "自然年制学校表示 2022-01-01 至 2022-12-31。")
    @APIResponse(responseCode = "200", description = "概览 / the overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProvinceOverview.class)))
    @APIResponse(responseCode = "400", description = "year 或 province 参数无效 / invalid year or province",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProvinceOverview overview(
            @Parameter(description = "统计年度（必填），各校按自身统计期 / year, each school in its own period", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"), example = "2022")
            @QueryParam("year") String year,
            @Parameter(description = "省份全称，如 湖南省；缺省为全部学校 / province, e.g. 湖南省; all schools when absent", example = "湖南省")
            @QueryParam("province") String province) {
        int y = Params.year(year);
        List<School> selected = schools.all();
        String p = province == null || province.isBlank() ? null : province.trim();
        if (p != null) {
            selected = selected.stream().filter(s -> p.equals(s.province())).toList();
            if (selected.isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                schools.all().forEach(s -> known.add(s.province()));
                throw Params.invalid("province", "unknown", "no school in province '" + ShownText.of(p) + "'; known: " + String.join(", ", known),
                        "没有“" + ShownText.of(p) + "”的学校；可选省份：" + String.join("、", known));
            }
        }
        return service.overview(y, p, selected);
    }
}
