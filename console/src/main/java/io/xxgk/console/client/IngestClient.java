package io.xxgk.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** ingest-service's admin API, with ingest's admin token ({@link IngestAdminHeaders}). */
@RegisterRestClient(configKey = "ingest")
@RegisterClientHeaders(IngestAdminHeaders.class)
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestClient {

    record IssueKey(String schoolCode, String department, String role, String label, Instant expiresAt) {
    }

    record IssuedKey(UUID id, String key, String keyPrefix, String schoolCode, String department, String role,
                     Instant expiresAt) {
    }

    record ApiKey(UUID id, String keyPrefix, String schoolCode, String department, String role, String label,
                  Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    @GET
    @Path("/api-keys")
    List<ApiKey> apiKeys(@QueryParam("schoolCode") String schoolCode);

    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    IssuedKey issueKey(IssueKey request);

    @DELETE
    @Path("/api-keys/{id}")
    ApiKey revokeKey(@PathParam("id") UUID id);
}
