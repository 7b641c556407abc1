package io.xxgk.ingest.security;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as the rest of ingest needs to know it. */
public record Caller(String principal, String schoolCode, String department, boolean operator) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getAttribute(Roles.ATTR_SCHOOL),
                identity.getAttribute(Roles.ATTR_DEPARTMENT), identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.ADMIN));
    }

    /** A department writes only for its own school; operators and admins read all. */
    public boolean mayWriteFor(String school) {
        return schoolCode != null && schoolCode.equals(school);
    }

    public boolean mayRead(String school) {
        return operator || mayWriteFor(school);
    }
}
