package io.xxgk.console.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;

/**
 * What the HTTP layer adds for a browser console:
 * <ul>
 * <li>the sign-in form is posted to Quarkus' own {@code /j_security_check}, which no Quarkus REST filter sees, so a
 * cross-site post there (login CSRF) is refused by its {@code Origin} / {@code Sec-Fetch-Site} headers;</li>
 * <li>with {@code xxgk.console.secure-cookies} (prod) every cookie gets {@code Secure}: TLS ends at the ingress, and
 * Quarkus marks the session cookie Secure only on a TLS connection of its own;</li>
 * <li>pages are never cached and never framed.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    private final boolean secureCookies;

    public HttpHardening(@ConfigProperty(name = "xxgk.console.secure-cookies") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            if (rc.request().method() == HttpMethod.POST && "/j_security_check".equals(rc.normalizedPath())
                    && crossSite(rc.request().getHeader(HttpHeaders.ORIGIN), rc.request().getHeader("Sec-Fetch-Site"),
                    rc.request().authority() == null ? null : rc.request().authority().toString())) {
                rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                        .end("跨站提交的登录请求已拒绝 / cross-site sign-in refused");
                return;
            }
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
                String type = headers.get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith("text/html")) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
                if (secureCookies) {
                    List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
                    if (!cookies.isEmpty()) {
                        headers.remove(HttpHeaders.SET_COOKIE);
                        cookies.forEach(c -> headers.add(HttpHeaders.SET_COOKIE,
                                c.toLowerCase(java.util.Locale.ROOT).contains("; secure") ? c : c + "; Secure"));
                    }
                }
            });
            rc.next();
        });
    }

    /** A browser says where a post comes from; one from another site is refused (no header at all: not a browser). */
    static boolean crossSite(String origin, String fetchSite, String authority) {
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return true;
        }
        if (origin == null || origin.isBlank() || authority == null) {
            return false;
        }
        if ("null".equals(origin)) {
            return true;
        }
        try {
            return !authority.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
