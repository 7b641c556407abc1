package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.client.IngestClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.ApiKeyService;
import io.xxgk.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** {@code /admin/api-keys}: the school's department API keys, kept by ingest-service; a new key is shown once. */
@Path("/admin/api-keys")
@RolesAllowed(ConsoleRole.ADMIN_NAME)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AdminApiKeysResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apiKeys(ConsoleUser user, List<IngestClient.ApiKey> keys, String unavailable,
                                               IngestClient.IssuedKey issued, String done, FormErrors errors);
    }

    private final CurrentUser current;
    private final ApiKeyService keys;

    public AdminApiKeysResource(CurrentUser current, ApiKeyService keys) {
        this.current = current;
        this.keys = keys;
    }

    @GET
    public Response page(@QueryParam("done") String done) {
        return render(200, null, "revoked".equals(done) ? "密钥已吊销 / key revoked" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@FormParam("department") String department, @FormParam("label") String label,
                          @FormParam("expires") String expires) {
        try {
            LocalDate date;
            try {
                date = expires == null || expires.isBlank() ? null : LocalDate.parse(expires.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("expires", "invalid-date", "a date like 2026-12-31", "日期格式应为 2026-12-31");
            }
            IngestClient.IssuedKey issued = keys.issue(current.get(), department, label, date);
            // shown in this answer only: not redirected, never stored by the console
            return render(201, issued, null, null);
        } catch (ProblemException e) {
            return render(e.status() == 503 ? 503 : 400, null, null, FormErrors.of(e));
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id) {
        keys.revoke(current.get(), id);
        return Response.seeOther(URI.create("/admin/api-keys?done=revoked")).build();
    }

    private Response render(int status, IngestClient.IssuedKey issued, String done, FormErrors errors) {
        ConsoleUser user = current.get();
        List<IngestClient.ApiKey> list = List.of();
        String unavailable = null;
        try {
            list = keys.list(user);
        } catch (ProblemException e) {
            unavailable = e.problem().title();
        }
        return Response.status(status).entity(Templates.apiKeys(user, list, unavailable, issued, done, errors))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }
}
