package io.xxgk.publish.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The one way to build an item's public link (catalogue, browse, statistics and the annual report). */
public final class ItemLinks {

    private ItemLinks() {
    }

    /** This API's detail of the item; the id is URL-encoded as one path segment (a space as %20, "/" as %2F). */
    public static String detailUrl(String schoolCode, String itemId) {
        return "/api/v1/schools/" + schoolCode + "/items/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The item's page on the school website when the department gave one, else {@link #detailUrl}. */
    public static String link(String schoolCode, String itemId, String sourceUrl) {
        return sourceUrl != null && !sourceUrl.isBlank() ? sourceUrl : detailUrl(schoolCode, itemId);
    }
}
