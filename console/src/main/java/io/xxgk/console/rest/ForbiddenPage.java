package io.xxgk.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.xxgk.contract.problem.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A signed-in person who opens a page their role may not see (an editor on /ops) gets a page in the console's layout
 * saying so, not the problem+json that contract's {@link ProblemMappers} answers an API client with (which it still
 * does for anyone not asking for HTML).
 */
public class ForbiddenPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden(String path, String username);
    }

    private final ProblemMappers problems;
    private final SecurityIdentity identity;

    public ForbiddenPage(ProblemMappers problems, SecurityIdentity identity) {
        this.problems = problems;
        this.identity = identity;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE));
        if (!browser) {
            return problems.forbidden(e, uri);
        }
        return Response.status(403).entity(Templates.forbidden(uri.getPath(), identity.isAnonymous() ? "" : identity.getPrincipal().getName()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
