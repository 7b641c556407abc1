package io.xxgk.console.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.xxgk.console.repository.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The account of this request's signed-in person, read once per request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private Optional<ConsoleUser> user;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Transactional
    public Optional<ConsoleUser> find() {
        if (user == null) {
            user = identity == null || identity.isAnonymous() ? Optional.empty()
                    : Account.byUsername(identity.getPrincipal().getName()).map(ConsoleUser::of);
        }
        return user;
    }

    /** The signed-in person; only for pages that require a sign-in (every page but /login). */
    public ConsoleUser get() {
        return find().orElseThrow(() -> new io.quarkus.security.UnauthorizedException("not signed in"));
    }
}
