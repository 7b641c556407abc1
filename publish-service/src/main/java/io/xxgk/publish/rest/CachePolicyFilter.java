package io.xxgk.publish.rest;

import io.xxgk.publish.rest.site.SiteHeadersFilter;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The website may cache successful public reads for a short while; errors are never cached, so a just-published
 * item does not stay 404 and a withdrawn one does not stay visible in a cache. The console's signed-in reads are
 * never cached. The site's pages ({@code /schools/**}, {@code /provinces/**}) follow the same policy.
 */
public class CachePolicyFilter {

    private final int maxAgeSeconds;

    public CachePolicyFilter(@ConfigProperty(name = "xxgk.public.max-age-seconds", defaultValue = "60") int maxAgeSeconds) {
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @ServerResponseFilter
    public void cachePolicy(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return;
        }
        if (SiteHeadersFilter.isSitePath(request.getUriInfo().getPath())) {
            // the site's pages: as the public reads, unless the page decided itself (an attachment's redirect: no-store)
            if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
                response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, publicPolicy(response.getStatus()));
            }
            return;
        }
        if (!request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return;
        }
        if (request.getUriInfo().getPath().startsWith("/api/v1/console/")) {
            // signed in, per person: never in a shared cache
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, publicPolicy(response.getStatus()));
    }

    private String publicPolicy(int status) {
        return status == 200 || status == 304 ? "public, max-age=" + maxAgeSeconds : "no-store";
    }
}
