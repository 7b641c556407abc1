package io.xxgk.console.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs before quarkus-security-jpa's own provider for every password sign-in (form login): refuses disabled and locked
 * accounts and counts wrong passwords ({@link SignInLedger}). When it lets an attempt pass it answers "not mine" (null),
 * so that quarkus-security-jpa checks the password and builds the identity as usual.
 */
@ApplicationScoped
public class SignInGuard implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Tells the login page (shown after the failed attempt's redirect) that the account is locked. */
    public static final String LOCKED_COOKIE = "xxgk-signin-locked";

    private final SignInLedger ledger;

    public SignInGuard(SignInLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 500;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> {
            SignInLedger.Verdict verdict = ledger.attempt(request.getUsername(), new String(request.getPassword().getPassword()), address);
            switch (verdict) {
                case PASS:
                    return null;
                case LOCKED:
                    if (http != null) {
                        http.response().addCookie(Cookie.cookie(LOCKED_COOKIE, "1").setPath("/login").setMaxAge(120)
                                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
                    }
                    throw new AuthenticationFailedException("account locked");
                default:
                    throw new AuthenticationFailedException("wrong username or password");
            }
        });
    }
}
