package io.xxgk.console.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every request of a signed-in session comes back as a trusted request (the encrypted session cookie names the user);
 * an account disabled since it signed in is refused here, before quarkus-security-jpa rebuilds its identity.
 */
@ApplicationScoped
public class SessionGuard implements IdentityProvider<TrustedAuthenticationRequest> {

    private final SignInLedger ledger;

    public SessionGuard(SignInLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 500;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            if (!ledger.active(request.getPrincipal())) {
                throw new AuthenticationFailedException("account disabled");
            }
            return null;
        });
    }
}
