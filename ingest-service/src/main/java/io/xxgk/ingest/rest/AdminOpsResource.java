package io.xxgk.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.ops.OpsSummaryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** What the operations console shows of ingest: the outbox backlog and the import jobs of every school. */
@Path("/api/v1/admin")
@Tag(name = "admin", description = "运维 / operations")
@SecurityRequirement(name = "apiKey")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminOpsResource {

    private final OpsSummaryService ops;

    public AdminOpsResource(OpsSummaryService ops) {
        this.ops = ops;
    }

    @GET
    @Path("/ops/summary")
    @Operation(summary = "运行概况 / outbox backlog, oldest unsent event, parked events, imports in progress",
            description = "unsent：已受理（202）尚未被 Kafka 确认的事件数；oldestUnsentAgeSeconds：其中最早一条的等待秒数（无则 0）；"
                    + "parked：被 Kafka 永久拒收、等待运维处理的事件数；relayActive：应答的实例是否持有转发租约。数据库不可用时答 503。")
    public OpsSummaryService.Summary summary() {
        return ops.summary();
    }

    @GET
    @Path("/imports")
    @Operation(summary = "全部导入任务 / import jobs of all schools and departments, newest first",
            description = "每个任务的进度（processed、accepted、rejected；totalRows 在完成后给出）与错误；逐行错误见 statusUrl"
                    + "（GET /api/v1/imports/{id}?onlyRejected=true）。")
    public OpsSummaryService.ImportPage imports(
            @Parameter(description = "跳过的条数 / jobs to skip") @QueryParam("offset") @DefaultValue("0") String offset,
            @Parameter(description = "1-" + OpsSummaryService.MAX_IMPORTS) @QueryParam("limit") @DefaultValue("100") String limit) {
        return ops.imports(intParam("offset", offset, 0, 1_000_000), intParam("limit", limit, 1, OpsSummaryService.MAX_IMPORTS));
    }

    private static int intParam(String name, String raw, int min, int max) {
        try {
            long v = Long.parseLong(raw.strip());
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(List.of(new Problem.FieldError(name, "range", name + " must be an integer from " + min + " to " + max,
                name + " 应为 " + min + " 到 " + max + " 之间的整数")));
    }
}
