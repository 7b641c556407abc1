package io.xxgk.publish.rest.site;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers of the site's pages ({@code /schools/**}, {@code /provinces/**}): no page may be framed
 * ({@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}) except the embeddable catalogue, whose resource
 * sets its own policy from the school's setting. The pages need no script and load only their own stylesheet.
 */
public class SiteHeadersFilter {

    static final String CSP = "Content-Security-Policy";

    /** Is this one of the site's paths? */
    public static boolean isSitePath(String path) {
        return path.equals("/schools") || path.startsWith("/schools/") || path.startsWith("/provinces/");
    }

    static String policy(String frameAncestors) {
        return "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
                + frameAncestors;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isSitePath(request.getUriInfo().getPath())) {
            return;
        }
        var h = response.getHeaders();
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
        if (!h.containsKey(CSP)) {
            h.putSingle(CSP, policy("'none'"));
            h.putSingle("X-Frame-Options", "DENY");
        }
    }
}
