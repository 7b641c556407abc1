package io.xxgk.ingest.rest;


import io.quarkus.security.identity.SecurityIdentity;
import io.xxgk.ingest.repository.ItemRecord;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.ItemIntakeService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/v1/items")
@Tag(name = "items", description = "信息公开事项的提交与查询 / submitting and tracking items")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ItemResource {

    private final ItemIntakeService intake;
    private final SecurityIdentity identity;

    public ItemResource(ItemIntakeService intake, SecurityIdentity identity) {
        this.intake = intake;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "提交一条事项 / submit one item",
            description = "202 表示已持久保存，不会丢失；同一 id 同一内容重复提交返回首次结果，内容不同返回 409。")
    @APIResponse(responseCode = "202", description = "已受理 / accepted (durable)")
    @APIResponse(responseCode = "400", description = "字段错误 / invalid fields (problem+json)")
    @APIResponse(responseCode = "403", description = "不能为其他学校或部门提交 / another school or department")
    @APIResponse(responseCode = "409", description = "同一 id 内容不同 / id reused with different content")
    public Response submit(ItemRequest request) {
        ItemIntakeService.Accepted a = intake.submit(Caller.of(identity), request);
        return Response.status(Response.Status.ACCEPTED)
                .entity(new ItemAccepted(a.itemId(), a.schoolCode(), a.revision(), a.status().name(),
                        "/api/v1/items/" + a.itemId()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR})
    @Operation(summary = "查询事项状态 / where an item is in the pipeline")
    public ItemStatusView status(@PathParam("id") String id, @QueryParam("schoolCode") String schoolCode) {
        Caller caller = Caller.of(identity);
        String school = schoolCode != null ? schoolCode : caller.schoolCode();
        if (school == null || !caller.mayRead(school)) {
            // same answer as a missing item: never reveal another school's ids
            throw ProblemException.notFound("没有编号为 " + id + " 的事项 / no item '" + id + "'");
        }
        ItemRecord item = ItemRecord.findItem(school, id)
                .orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的事项 / no item '" + id + "'"));
        return new ItemStatusView(item.itemId, item.schoolCode, item.department, item.title, item.revision, item.status,
                item.createdAt, item.updatedAt);
    }

    public record ItemStatusView(String id, String schoolCode, String department, String title, int revision, String status,
                                 Instant acceptedAt, Instant updatedAt) {
    }
}
