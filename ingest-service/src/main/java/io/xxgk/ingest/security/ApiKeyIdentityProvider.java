package io.xxgk.ingest.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.repository.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;

/** Turns an API key into an identity: role, school and department. Failures say why, never whose. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final IngestConfig config;

    public ApiKeyIdentityProvider(IngestConfig config) {
        this.config = config;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Authorization 头应为 Bearer <API key> / expected 'Authorization: Bearer <API key>'"));
        }
        if (config.adminToken().filter(admin -> ApiKeys.sameSecret(admin, token)).isPresent()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("admin")).addRole(Roles.ADMIN).addRole(Roles.OPERATOR).build());
        }
        if (config.publicApplicationsToken().filter(form -> ApiKeys.sameSecret(form, token)).isPresent()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("public-form")).addRole(Roles.PUBLIC_FORM).build());
        }
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> identityFor(token)));
    }

    private SecurityIdentity identityFor(String token) {
        ApiKey key = ApiKey.findByHash(ApiKeys.sha256(token))
                .orElseThrow(() -> new AuthenticationFailedException("API key 无效 / unknown API key"));
        Instant now = Instant.now();
        if (key.revokedAt != null) {
            throw new AuthenticationFailedException("API key 已吊销 / API key " + key.keyPrefix + "… was revoked");
        }
        if (key.expiresAt != null && key.expiresAt.isBefore(now)) {
            throw new AuthenticationFailedException("API key 已过期 / API key " + key.keyPrefix + "… expired at " + key.expiresAt);
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.keyPrefix))
                .addRole(key.role.toLowerCase(Locale.ROOT));
        if (key.schoolCode != null) {
            identity.addAttribute(Roles.ATTR_SCHOOL, key.schoolCode);
        }
        if (key.department != null) {
            identity.addAttribute(Roles.ATTR_DEPARTMENT, key.department);
        }
        return identity.build();
    }
}
