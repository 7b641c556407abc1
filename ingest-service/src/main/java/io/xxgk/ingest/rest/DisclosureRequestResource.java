package io.xxgk.ingest.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.DisclosureRequestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests")
@Tag(name = "requests", description = "依申请公开登记及举报、复议、诉讼 / disclosure-on-request register")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class DisclosureRequestResource {

    private final DisclosureRequestService requests;
    private final SecurityIdentity identity;

    public DisclosureRequestResource(DisclosureRequestService requests, SecurityIdentity identity) {
        this.requests = requests;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "登记或更新一条依申请公开/举报/复议/诉讼 / record or update a register entry",
            description = "同一 id 再次提交即为更新（例如补充答复类型与答复日期），每次更新都进入年度统计。")
    public Response record(DisclosureRequestService.RequestInput input) {
        DisclosureRequestEvent e = requests.record(Caller.of(identity), input);
        return Response.accepted(e).build();
    }
}
