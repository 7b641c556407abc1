package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.console.security.SignInGuard;
import io.xxgk.console.service.SignInAuditService;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;

/** {@code /login} (the form posts to Quarkus' {@code /j_security_check}) and {@code /logout}. */
@Path("/")
@Blocking
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error);
    }

    private final SecurityIdentity identity;
    private final SignInAuditService audit;
    private final HttpServerRequest request;

    public LoginResource(SecurityIdentity identity, SignInAuditService audit, HttpServerRequest request) {
        this.identity = identity;
        this.audit = audit;
        this.request = request;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @CookieParam(SignInGuard.LOCKED_COOKIE) String locked) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        String message = null;
        if (locked != null) {
            message = "账户已锁定：连续 5 次密码错误，请 15 分钟后再试，或联系管理员重置密码。"
                    + " / Account locked after 5 failed sign-ins: try again in 15 minutes or ask an administrator.";
        } else if (error != null) {
            message = "用户名或密码错误。 / Wrong user name or password.";
        }
        Response.ResponseBuilder r = Response.ok(Templates.login(message)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (locked != null) {
            r.cookie(new NewCookie.Builder(SignInGuard.LOCKED_COOKIE).value("").path("/login").maxAge(0).httpOnly(true).build());
        }
        return r.build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        if (!identity.isAnonymous()) {
            audit.signedOut(identity.getPrincipal().getName(),
                    request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
            FormAuthenticationMechanism.logout(identity);
        }
        return Response.seeOther(URI.create("/login")).build();
    }
}
