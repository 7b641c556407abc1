package io.xxgk.publish.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one way to build an item's links (catalogue, browse, statistics, coverage and the annual report). A person
 * following a link gets a web page: the item's page on the school's website when the department gave one
 * ({@code sourceUrl}), else its public page here ({@link #pageUrl}); the JSON API's URL ({@link #detailUrl}) is only
 * ever offered as the machine-readable detail, never as the link. Both are relative to publish-service's public
 * address (the report resolves them against {@code xxgk.report.public-base-url}).
 */
public final class ItemLinks {

    private ItemLinks() {
    }

    /** This API's detail of the item (JSON); the id is URL-encoded as one path segment (a space as %20, "/" as %2F). */
    public static String detailUrl(String schoolCode, String itemId) {
        return "/api/v1/schools/" + schoolCode + "/items/" + segment(itemId);
    }

    /** The item's public web page (HTML) served by publish-service. */
    public static String pageUrl(String schoolCode, String itemId) {
        return "/schools/" + schoolCode + "/items/" + segment(itemId);
    }

    /** The item's page on the school website when the department gave one, else {@link #pageUrl}. */
    public static String link(String schoolCode, String itemId, String sourceUrl) {
        return sourceUrl != null && !sourceUrl.isBlank() ? sourceUrl : pageUrl(schoolCode, itemId);
    }

    private static String segment(String itemId) {
        return URLEncoder.encode(itemId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
