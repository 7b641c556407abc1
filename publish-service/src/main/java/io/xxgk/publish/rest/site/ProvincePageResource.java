package io.xxgk.publish.rest.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.rest.Params;
import io.xxgk.publish.service.site.ProvinceMatrix;
import io.xxgk.publish.service.site.SiteService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The province page: coverage and timeliness of its schools, and each checklist item school by school. */
@Path("/provinces/{province}")
@Tag(name = "site")
@Blocking
public class ProvincePageResource {

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance province(String province, int year, List<Integer> years, ProvinceMatrix matrix,
                                                List<School> schools);

        static native TemplateInstance unknownProvince(String province, List<String> provinces);
    }

    private final SchoolDirectory schools;
    private final SiteService site;

    public ProvincePageResource(SchoolDirectory schools, SiteService site) {
        this.schools = schools;
        this.site = site;
    }

    @GET
    @Operation(summary = "省级信息公开概览：各校覆盖率与及时率、清单事项矩阵 / a province's coverage and timeliness matrix")
    public Response province(@PathParam("province") String province, @QueryParam("year") String year) {
        String p = province == null ? "" : province.strip();
        List<School> selected = schools.all().stream().filter(s -> p.equals(s.province())).toList();
        if (selected.isEmpty()) {
            List<String> known = schools.all().stream().map(School::province).distinct().sorted().toList();
            return Html.status(404, Templates.unknownProvince(p, known));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int current = currentYear(selected, today);
        int y = year == null || year.isBlank() ? current : Params.year(year);
        List<Integer> years = java.util.stream.IntStream.rangeClosed(0, 4).mapToObj(i -> Math.max(current, today.getYear()) - i).toList();
        return Html.ok(Templates.province(p, y, years, site.provinceMatrix(y, p, selected), selected));
    }

    /**
     * The newest statistics year no school of the province has yet to begin: after 1 September a school-year school is
     * in the year that ends next August, a calendar-year school still in this one, so a mixed province opens on this
     * year (the school years just ended, the calendar year in progress), never on a year that is future for a school.
     */
    static int currentYear(List<School> schools, LocalDate today) {
        int year = today.getYear();
        long ahead = schools.stream().filter(s -> s.statisticsPeriod().end(year).isBefore(today)).count();
        return ahead == schools.size() ? year + 1 : year;
    }
}
