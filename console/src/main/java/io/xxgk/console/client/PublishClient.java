package io.xxgk.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;

/**
 * publish-service: its public read API, and (as the {@code console} service account acting for the signed-in person,
 * {@link ConsoleAuthHeaders}) its {@code /api/v1/console/**} endpoints, which the coverage, review and report pages add.
 */
@RegisterRestClient(configKey = "publish")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PublishClient {

    record School(String code, String name, String kind, String kindLabel, String province, String statisticsPeriod) {
    }

    record ItemSummary(String id, String title, String department, String kind, String kindLabel, LocalDate producedDate,
                       LocalDate publishedDate, Integer checklistItem, Integer category, String link, String detailUrl) {
    }

    record ItemPage(String school, int limit, int count, Long total, List<ItemSummary> items, String next) {
    }

    @GET
    @Path("/schools/{code}")
    School school(@PathParam("code") String code);

    /** Published items of a school, newest first; {@code department} (exact name) narrows to one department. */
    @GET
    @Path("/schools/{code}/items")
    ItemPage items(@PathParam("code") String code, @QueryParam("department") String department,
                   @QueryParam("limit") Integer limit);
}
