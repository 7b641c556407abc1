package io.xxgk.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.ApiKeyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/admin/api-keys")
@Tag(name = "admin", description = "API key 管理 / issuing and revoking keys")
@SecurityRequirement(name = "apiKey")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminKeyResource {

    private final ApiKeyService keys;

    public AdminKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "签发 API key / issue a key", description = "密钥只在此时返回一次 / the secret is shown only once")
    public Response issue(ApiKeyService.IssueRequest request) {
        return Response.status(Response.Status.CREATED).entity(keys.issue(request)).build();
    }

    @GET
    @Operation(summary = "列出 API key / list keys (without secrets)")
    public List<ApiKeyService.KeyView> list(@QueryParam("schoolCode") String schoolCode) {
        return keys.list(schoolCode);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "吊销 API key / revoke a key")
    public ApiKeyService.KeyView revoke(@PathParam("id") String id) {
        return keys.revoke(Uuids.parse(id, "API key"));
    }
}
