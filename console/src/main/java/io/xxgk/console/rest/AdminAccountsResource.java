package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.console.service.AccountService;
import io.xxgk.console.service.SignInAuditService;
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
import java.util.List;
import java.util.Map;

/** {@code /admin/accounts}: the school's accounts (create, role and department, disable, reset password) and the sign-in log. */
@Path("/admin/accounts")
@RolesAllowed(ConsoleRole.ADMIN_NAME)
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AdminAccountsResource {

    private static final Map<String, String> DONE = Map.of(
            "created", "账户已创建 / account created",
            "role", "角色已更新 / role changed",
            "disabled", "账户已停用 / account disabled",
            "enabled", "账户已启用 / account enabled",
            "password", "密码已重置 / password reset");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(ConsoleUser user, String schoolName, List<AccountService.AccountView> accounts,
                                                List<ConsoleRole> roles, List<SignInAuditService.Entry> signIns,
                                                String done, FormErrors errors, AccountService.NewAccount form);
    }

    private final CurrentUser current;
    private final AccountService accounts;
    private final SignInAuditService audit;

    public AdminAccountsResource(CurrentUser current, AccountService accounts, SignInAuditService audit) {
        this.current = current;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        return page(done == null ? null : DONE.get(done), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
                           @FormParam("role") String role, @FormParam("department") String department,
                           @FormParam("password") String password) {
        AccountService.NewAccount form = new AccountService.NewAccount(username, displayName, role, department, password);
        try {
            accounts.create(current.get(), form);
            return done("created");
        } catch (ProblemException e) {
            return refused(e, new AccountService.NewAccount(username, displayName, role, department, null));
        }
    }

    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response role(@PathParam("id") long id, @FormParam("role") String role, @FormParam("department") String department) {
        try {
            accounts.changeRole(current.get(), id, role, department);
            return done("role");
        } catch (ProblemException e) {
            return refused(e, null);
        }
    }

    @POST
    @Path("/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enabled(@PathParam("id") long id, @FormParam("enabled") boolean enabled) {
        try {
            accounts.setEnabled(current.get(), id, enabled);
            return done(enabled ? "enabled" : "disabled");
        } catch (ProblemException e) {
            return refused(e, null);
        }
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("id") long id, @FormParam("password") String password) {
        try {
            accounts.resetPassword(current.get(), id, password);
            return done("password");
        } catch (ProblemException e) {
            return refused(e, null);
        }
    }

    private TemplateInstance page(String done, FormErrors errors, AccountService.NewAccount form) {
        ConsoleUser user = current.get();
        return Templates.accounts(user, accounts.schoolName(user.schoolCode()), accounts.list(user),
                List.of(ConsoleRole.values()), audit.latest(user, 50), done, errors,
                form == null ? new AccountService.NewAccount("", "", "", "", null) : form);
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create("/admin/accounts?done=" + what)).build();
    }

    private Response refused(ProblemException e, AccountService.NewAccount form) {
        if (e.status() == 404) {
            throw e;
        }
        return Response.status(e.status()).entity(page(null, FormErrors.of(e), form)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
