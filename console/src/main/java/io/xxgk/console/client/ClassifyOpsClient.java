package io.xxgk.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** classify-service's review-queue size, as the {@code console} service account ({@link ConsoleAuthHeaders}). */
@RegisterRestClient(configKey = "classify")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
public interface ClassifyOpsClient {

    record HeldCount(String schoolCode, long held, Instant oldestHeldSince) {
    }

    record ReviewSummary(long held, List<HeldCount> schools, Instant checkedAt) {
    }

    @GET
    @Path("/summary")
    ReviewSummary summary();
}
