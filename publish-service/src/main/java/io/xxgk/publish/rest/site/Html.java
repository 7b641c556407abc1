package io.xxgk.publish.rest.site;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/**
 * Pages are rendered here to a String, so that the response filters see the very bytes that are sent (the ETag is
 * their hash, {@link io.xxgk.publish.rest.EntityTagFilter}).
 */
final class Html {

    static final String TYPE = "text/html;charset=UTF-8";

    private Html() {
    }

    static Response ok(TemplateInstance page) {
        return status(200, page);
    }

    static Response status(int status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(TYPE).build();
    }
}
