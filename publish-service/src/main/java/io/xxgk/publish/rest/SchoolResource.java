package io.xxgk.publish.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.service.CatalogueService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/schools")
@Tag(name = "schools", description = "学校与信息公开目录 / schools and their disclosure catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SchoolResource {

    private final SchoolDirectory schools;
    private final CatalogueService catalogue;

    public SchoolResource(SchoolDirectory schools, CatalogueService catalogue) {
        this.schools = schools;
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "学校列表 / the schools")
    public List<SchoolView> list() {
        return schools.all().stream().map(SchoolView::of).toList();
    }

    @GET
    @Path("/{schoolCode}")
    @Operation(summary = "学校信息 / one school")
    public SchoolView get(@PathParam("schoolCode") String code) {
        return SchoolView.of(school(code));
    }

    @GET
    @Path("/{schoolCode}/catalogue")
    @Operation(summary = "信息公开目录 / the 10 categories and 50 items with their published entries")
    public CatalogueView catalogue(@PathParam("schoolCode") String code,
                                   @Parameter(description = "统计年度；学年制时 2025 表示 2024-09-01 至 2025-08-31 / statistics year")
                                   @QueryParam("year") Integer year,
                                   @Parameter(description = "每个事项最多返回的条目数 / entries per item")
                                   @QueryParam("entriesPerItem") @DefaultValue("10") int entriesPerItem) {
        if (entriesPerItem < 1 || entriesPerItem > 200) {
            throw problem(Problem.of(400, "validation", "请求参数无效 / Invalid parameter",
                    "entriesPerItem 应在 1 到 200 之间 / entriesPerItem must be between 1 and 200", null));
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw problem(Problem.of(400, "validation", "请求参数无效 / Invalid parameter",
                    "year 应在 2000 到 2100 之间 / year must be between 2000 and 2100", null));
        }
        return catalogue.catalogue(school(code), year, entriesPerItem);
    }

    private School school(String code) {
        return schools.find(code).orElseThrow(() -> problem(Problem.of(404, "unknown-school", "未找到学校 / Unknown school",
                "没有代码为 " + code + " 的学校 / no school with code '" + code + "'", "/api/v1/schools/" + code)));
    }

    static WebApplicationException problem(Problem p) {
        return new WebApplicationException(Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build());
    }
}
