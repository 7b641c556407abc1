package io.xxgk.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * classify-service, as its {@code console} service account acting for the signed-in person ({@link ConsoleAuthHeaders}).
 * The review pages add the sign-off endpoints here.
 */
@RegisterRestClient(configKey = "classify")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ClassifyClient {

    record DryRun(String title) {
    }

    record Suggestion(Integer checklistItem, Integer category, Double confidence, String explanation) {
    }

    /** The classifier's suggestion for a title, nothing stored. */
    @POST
    @Path("/classify")
    @Consumes(MediaType.APPLICATION_JSON)
    Suggestion classify(DryRun request);
}
