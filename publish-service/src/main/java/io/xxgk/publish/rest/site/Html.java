package io.xxgk.publish.rest.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/**
 * Pages are rendered here to a String, so that the response filters see the very bytes that are sent (the ETag is
 * their hash, {@link io.xxgk.publish.rest.EntityTagFilter}). The site's one 404 page is here too, for every resource.
 */
final class Html {

    static final String TYPE = "text/html;charset=UTF-8";

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance notFound(Nav nav, String what);
    }

    private Html() {
    }

    static Response ok(TemplateInstance page) {
        return status(200, page);
    }

    static Response status(int status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(TYPE).build();
    }

    /** The site's 404 page: {@code what} is school, item, attachment or report; {@code nav} null for an unknown school. */
    static Response notFound(Nav nav, String what) {
        return status(404, Templates.notFound(nav, what));
    }

    static Response unknownSchool() {
        return notFound(null, "school");
    }
}
