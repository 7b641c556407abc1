package io.xxgk.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * publish-service's year-end figures of a school's period ({@code /api/v1/console/schools/{school}/year-end-figures/{year}},
 * the school's own period), their one source: the statistics and the annual report read them from there, and the
 * report's form writes them there. As the {@code console} service account acting for the signed-in person.
 */
@RegisterRestClient(configKey = "publish")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1/console")
public interface YearEndFiguresClient {

    /** kind: COUNT, PERCENT or TEXT. */
    record Key(String key, String group, String groupLabel, String label, String labelEn, String kind, String unit) {
    }

    record Figure(String key, String kind, Long count, BigDecimal percent, String text, boolean approximate) {
    }

    record Figures(String periodKind, int year, List<Figure> figures, String updatedBy) {
    }

    @GET
    @Path("/year-end-figure-keys")
    @Produces(MediaType.APPLICATION_JSON)
    List<Key> keys();

    @GET
    @Path("/schools/{school}/year-end-figures/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    Figures figures(@PathParam("school") String school, @PathParam("year") int year);

    /** Replaces the period's set: a key left out is removed. */
    @PUT
    @Path("/schools/{school}/year-end-figures/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Figures record(@PathParam("school") String school, @PathParam("year") int year, Map<String, Object> figures);
}
