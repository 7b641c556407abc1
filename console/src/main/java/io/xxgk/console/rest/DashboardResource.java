package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.DashboardService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /}: my dashboard. A department editor sees only their own department. */
@Path("/")
@Blocking
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(ConsoleUser user, DashboardService.Dashboard dashboard);
    }

    private final CurrentUser current;
    private final DashboardService dashboards;

    public DashboardResource(CurrentUser current, DashboardService dashboards) {
        this.current = current;
        this.dashboards = dashboards;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        ConsoleUser user = current.get();
        return Templates.dashboard(user, dashboards.of(user));
    }
}
