package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.client.IngestOpsClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.OperationsService;
import io.xxgk.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * {@code /ops}: consumer lag per group and partition, the outbox backlog, the review queue per school, the dead-letter
 * count and the import jobs. htmx re-reads the page every few seconds and swaps in its live part; without JavaScript
 * the page is reloaded by hand.
 */
@Path("/ops")
@RolesAllowed({ConsoleRole.OPERATOR_NAME, ConsoleRole.ADMIN_NAME})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class OpsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ops(ConsoleUser user, OperationsService.Overview ops);

        static native TemplateInstance importRows(ConsoleUser user, UUID id, IngestOpsClient.ImportView job, String unavailable);
    }

    private final CurrentUser current;
    private final OperationsService operations;

    public OpsResource(CurrentUser current, OperationsService operations) {
        this.current = current;
        this.operations = operations;
    }

    @GET
    public TemplateInstance page() {
        return Templates.ops(current.get(), operations.overview());
    }

    @GET
    @Path("/imports/{id}")
    public Response importRows(@PathParam("id") String rawId) {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("id", "没有这个导入任务 / no import " + rawId);
        }
        try {
            return Response.ok(Templates.importRows(current.get(), id, operations.rejectedRows(id), null)).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.importRows(current.get(), id, null, e.problem().title()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }
}
