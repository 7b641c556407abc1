package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.SignOffModeService;
import io.xxgk.contract.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code /admin/sign-off}: the school's sign-off mode (一事一审), set by an administrator. */
@Path("/admin/sign-off")
@RolesAllowed(ConsoleRole.ADMIN_NAME)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AdminSignOffResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mode(ConsoleUser user, SignOffModeService.ModePage page, String done, Refusal refusal);
    }

    private final CurrentUser current;
    private final SignOffModeService modes;

    public AdminSignOffResource(CurrentUser current, SignOffModeService modes) {
        this.current = current;
        this.modes = modes;
    }

    @GET
    public Response page(@QueryParam("done") String done) {
        return render(200, "saved".equals(done) ? "审核模式已保存，对此后报送的事项生效 / saved; applies to items submitted from now on" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@FormParam("mode") String mode) {
        try {
            modes.set(current.get(), mode);
            return Response.seeOther(URI.create("/admin/sign-off?done=saved")).build();
        } catch (ProblemException e) {
            return render(e.status(), null, Refusal.of(e));
        }
    }

    private Response render(int status, String done, Refusal refusal) {
        ConsoleUser user = current.get();
        SignOffModeService.ModePage page = null;
        try {
            page = modes.page(user);
        } catch (ProblemException e) {
            refusal = refusal == null ? Refusal.of(e) : refusal;
            status = status == 200 ? e.status() : status;
        }
        return Response.status(status).entity(Templates.mode(user, page, done, refusal))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }
}
