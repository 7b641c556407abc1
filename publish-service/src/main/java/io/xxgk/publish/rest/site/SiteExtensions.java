package io.xxgk.publish.rest.site;

import io.quarkus.qute.TemplateExtension;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.browse.ItemDetail;

import java.util.Locale;

/** Small helpers the site's templates call, e.g. {@code {item.statusLabel}}. */
@TemplateExtension
final class SiteExtensions {

    private SiteExtensions() {
    }

    static String statusLabel(CatalogueView.Item item) {
        return switch (item.status()) {
            case "PUBLISHED" -> "已公开";
            case "STANDING" -> "长期有效（往年已公开）";
            case "MISSING" -> "尚未公开";
            case "NOT_APPLICABLE" -> "不涉及";
            default -> item.status();
        };
    }

    static String urlEncode(String text) {
        return Nav.enc(text);
    }

    /** The item's page on the school website, only if it is a web address (never javascript: and the like). */
    static String webLink(ItemDetail item) {
        String url = item.sourceUrl();
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
