package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.SchoolView;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.service.CatalogueService;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "400", description = "year 或 entriesPerItem 参数无效 / invalid year or entriesPerItem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "未找到学校 / unknown school",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueView catalogue(@PathParam("schoolCode") String code,
                                   @Parameter(description = "统计年度；学年制时 2025 表示 2024-09-01 至 2025-08-31 / statistics year",
                                           schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
                                   @QueryParam("year") String year,
                                   @Parameter(description = "每个事项最多返回的条目数 1-200，默认 10 / entries per item",
                                           schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                                   @QueryParam("entriesPerItem") String entriesPerItem) {
        School school = school(code);
        Integer y = year == null || year.isBlank() ? null : Params.year(year);
        int perItem = 10;
        if (entriesPerItem != null && !entriesPerItem.isBlank()) {
            try {
                perItem = Integer.parseInt(entriesPerItem.strip());
            } catch (NumberFormatException e) {
                perItem = -1;
            }
            if (perItem < 1 || perItem > 200) {
                throw ProblemException.invalid("entriesPerItem", "range",
                        "entriesPerItem must be an integer between 1 and 200, not '" + ShownText.of(entriesPerItem) + "'",
                        "entriesPerItem（每个事项的条目数）应为 1 到 200 之间的整数，而不是“" + ShownText.of(entriesPerItem) + "”");
            }
        }
        return catalogue.catalogue(school, y, perItem);
    }

    private School school(String code) {
        return schools.find(code).orElseThrow(() -> ProblemException.unknownSchool(code));
    }
}
