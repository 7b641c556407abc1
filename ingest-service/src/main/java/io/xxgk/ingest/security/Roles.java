package io.xxgk.ingest.security;

/** Roles of ingest's callers. */
public final class Roles {
    /** A department's system: writes items for its own school. */
    public static final String DEPARTMENT = "department";
    /** Disclosure office or operations staff: reads across schools, replays. */
    public static final String OPERATOR = "operator";
    /**
     * publish-service's application form: may only record applications made by the public
     * ({@code POST /api/v1/public-applications}); its token is {@code xxgk.public-applications-token}.
     */
    public static final String PUBLIC_FORM = "public-form";
    /** Issues and revokes keys. */
    public static final String ADMIN = "admin";

    public static final String ATTR_SCHOOL = "xxgk.school";
    public static final String ATTR_DEPARTMENT = "xxgk.department";

    private Roles() {
    }
}
