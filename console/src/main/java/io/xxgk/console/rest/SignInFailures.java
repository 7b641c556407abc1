package io.xxgk.console.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.problem.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * A failed sign-in is a page, not an API error: Quarkus REST hands proactive authentication failures to the exception
 * mappers, and contract's {@link ProblemMappers} would answer a browser with a 401 problem+json that it never follows.
 * A wrong password goes back to {@code /login?error=1}; a session that is no longer valid (account disabled) is ended
 * and goes to {@code /login}. A database outage stays ProblemMappers' 503.
 */
public class SignInFailures {

    private final ProblemMappers problems;
    private final String sessionCookie;

    public SignInFailures(ProblemMappers problems,
                          @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.problems = problems;
        this.sessionCookie = sessionCookie;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response signInFailed(AuthenticationFailedException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return problems.unauthenticated(e, uri);
        }
        boolean formPost = uri.getPath().endsWith("/j_security_check");
        return Response.seeOther(URI.create(formPost ? "/login?error=1" : "/login"))
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .header("Cache-Control", "no-store").build();
    }
}
