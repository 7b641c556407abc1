package io.xxgk.publish.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.problem.ShownText;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.coverage.CoverageService;
import io.xxgk.publish.service.coverage.CoverageView;
import io.xxgk.publish.service.coverage.NotApplicableService;
import io.xxgk.publish.service.coverage.NotApplicableView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The console's coverage endpoints: signed in as the console service account, acting for the person named in the
 * X-Xxgk-Actor* headers. A department editor sees the whole school and their own department, never another's;
 * only a reviewer or an admin marks an item 本校不涉及.
 */
@Path("/api/v1/console/schools/{schoolCode}")
@Tag(name = "console: coverage", description = "控制台：清单覆盖、期限与本校不涉及 / console: coverage, deadlines, not applicable")
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ConsoleCoverageResource {

    /** The body of PUT not-applicable. */
    public record NotApplicableRequest(@Schema(description = "本校不涉及的原因，例如“学校无校办企业” / why", maxLength = 500) String reason) {
    }

    private final SchoolDirectory schools;
    private final CoverageService coverage;
    private final NotApplicableService notApplicable;

    public ConsoleCoverageResource(SchoolDirectory schools, CoverageService coverage, NotApplicableService notApplicable) {
        this.schools = schools;
        this.coverage = coverage;
        this.notApplicable = notApplicable;
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "清单50项的覆盖情况、逾期与即将到期 / the 50 items' status, overdue and due next, for the school or a department")
    @APIResponse(responseCode = "400", description = "参数或代理人请求头无效 / invalid parameter or actor headers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "部门信息员查看其他部门 / an editor asking for another department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageView coverage(@PathParam("schoolCode") String code,
                                 @Parameter(description = "统计期：年份（学年制时 2025 表示 2024-09-01 至 2025-08-31），或 2024-2025；默认为当前统计期 / period",
                                         schema = @Schema(type = SchemaType.STRING, examples = {"2025", "2024-2025"}))
                                 @QueryParam("period") String period,
                                 @Parameter(description = "部门；为空表示全校 / department, empty for the whole school")
                                 @QueryParam("department") String department,
                                 @Parameter(description = "按该日计算逾期与待办（YYYY-MM-DD），默认今天 / the day to compute deadlines for")
                                 @QueryParam("asOf") String asOf,
                                 @BeanParam ActorHeaders actorHeaders) {
        ActingUser actor = actorHeaders.require();
        School school = Params.school(schools, code);
        String dept = department == null || department.isBlank() ? null : department.strip();
        if (actor.role() == ActingUser.Role.EDITOR && dept != null && !dept.equals(actor.department())) {
            throw ProblemException.forbidden("部门信息员只能查看本部门（" + actor.department() + "）的清单 / an editor sees only their own"
                    + " department's list, not '" + ShownText.of(dept) + "'");
        }
        LocalDate day = asOf(asOf);
        return coverage.coverage(school, period(period, school, day), day, dept);
    }

    @GET
    @Path("/not-applicable")
    @Operation(summary = "本校不涉及的事项及原因 / the items marked not applicable, with reasons")
    public List<NotApplicableView> marks(@PathParam("schoolCode") String code,
                                         @BeanParam ActorHeaders actorHeaders) {
        actorHeaders.require();
        return notApplicable.marks(Params.school(schools, code).code());
    }

    @GET
    @Path("/not-applicable/{item}/history")
    @Operation(summary = "某事项的不涉及标记记录（何人、何时、原因） / who marked and unmarked an item, when and why")
    public List<NotApplicableView.LogEntry> history(@PathParam("schoolCode") String code, @PathParam("item") String item,
                                                    @BeanParam ActorHeaders actorHeaders) {
        actorHeaders.require();
        return notApplicable.history(Params.school(schools, code).code(), item(item));
    }

    @PUT
    @Path("/not-applicable/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "标记为本校不涉及（审核人员或管理员） / mark an item not applicable, with the reason (reviewer or admin)")
    @APIResponse(responseCode = "200", description = "已标记 / marked")
    @APIResponse(responseCode = "400", description = "缺少原因或事项编号无效 / reason missing or item invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "代理人不是审核人员或管理员 / the actor is not a reviewer or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "该事项本就不适用于此类学校 / the item does not apply to this kind of school anyway",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotApplicableView mark(@PathParam("schoolCode") String code, @PathParam("item") String item,
                                  @BeanParam ActorHeaders actorHeaders,
                                  NotApplicableRequest body) {
        ActingUser actor = actorHeaders.require();
        School school = Params.school(schools, code);
        int n = item(item);
        return notApplicable.mark(school, n, body == null ? null : body.reason(), actor);
    }

    @DELETE
    @Path("/not-applicable/{item}")
    @Operation(summary = "取消本校不涉及标记（审核人员或管理员） / take the mark away (reviewer or admin)")
    @APIResponse(responseCode = "204", description = "已取消 / unmarked")
    @APIResponse(responseCode = "404", description = "该事项没有标记 / the item is not marked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void unmark(@PathParam("schoolCode") String code, @PathParam("item") String item,
                       @BeanParam ActorHeaders actorHeaders) {
        ActingUser actor = actorHeaders.require();
        School school = Params.school(schools, code);
        notApplicable.unmark(school, item(item), actor);
    }

    static int item(String raw) {
        int n;
        try {
            n = Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 50) {
            throw ProblemException.invalid("item", "range", "item must be a checklist item number from 1 to 50, not '"
                    + ShownText.of(raw) + "'", "item（清单事项编号）应为 1 到 50 之间的整数，而不是“" + ShownText.of(raw) + "”");
        }
        return n;
    }

    static LocalDate asOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return CoverageService.today();
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "invalid-date", "asOf must be a date such as 2025-06-30, not '" + ShownText.of(raw) + "'",
                    "asOf 应为日期（如 2025-06-30），而不是“" + ShownText.of(raw) + "”");
        }
    }

    /** "2025" or "2024-2025" (the year the period ends); absent: the period that holds {@code day}. */
    static int period(String raw, School school, LocalDate day) {
        if (raw == null || raw.isBlank()) {
            return school.statisticsPeriod().yearOf(day);
        }
        String v = raw.strip();
        int dash = v.indexOf('-');
        if (dash > 0) {
            String first = v.substring(0, dash);
            String second = v.substring(dash + 1);
            try {
                if (Integer.parseInt(second) == Integer.parseInt(first) + 1) {
                    return yearParam(second);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ProblemException.invalid("period", "invalid", "period must be a year such as 2025 or a school year such as 2024-2025, not '"
                    + ShownText.of(raw) + "'", "period 应为年份（如 2025）或学年（如 2024-2025），而不是“" + ShownText.of(raw) + "”");
        }
        return yearParam(v);
    }

    private static int yearParam(String v) {
        try {
            return Params.year(v);
        } catch (ProblemException e) {
            throw ProblemException.invalid("period", "invalid", "period must be a year between " + Params.MIN_YEAR + " and "
                    + Params.MAX_YEAR + " (or a school year such as 2024-2025), not '" + ShownText.of(v) + "'",
                    "period 应为 " + Params.MIN_YEAR + " 到 " + Params.MAX_YEAR + " 之间的年份（或学年，如 2024-2025），而不是“" + ShownText.of(v) + "”");
        }
    }
}
