package io.xxgk.publish.service.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code xxgk.site.*}: the public site (信息公开网). Per school, under {@code xxgk.site.schools."<code>".}: the sites
 * allowed to frame the embeddable catalogue, the guide's text and the office's contacts; all optional.
 */
@ConfigMapping(prefix = "xxgk.site")
public interface SiteSettings {

    /**
     * {@code frame-ancestors} sources of {@code /schools/{school}/catalogue/embed} for a school that names none,
     * e.g. {@code 'self'} or {@code 'none'}. Every other page may never be framed.
     */
    @WithDefault("'self'")
    String frameAncestors();

    /** Lifetime of an attachment's presigned download link; the page links to a redirect that makes a fresh one. */
    @WithDefault("5m")
    Duration attachmentLinkExpiry();

    /** Items on a school's home page. */
    @WithDefault("10")
    int latestItems();

    /** Entries shown under each checklist item of the catalogue page. */
    @WithDefault("5")
    int entriesPerItem();

    Map<String, School> schools();

    interface School {
        /** Space-separated CSP sources allowed to frame this school's embeddable catalogue, e.g. https://www.zzsz.edu.cn */
        Optional<String> frameAncestors();

        /** The 信息公开指南 in plain text (paragraphs separated by blank lines); absent: the standard guide. */
        Optional<String> guide();

        /** The office that answers for disclosure, e.g. 党政办公室（信息公开办公室）. */
        Optional<String> office();

        Optional<String> address();

        Optional<String> phone();

        Optional<String> email();

        /** Office hours, e.g. 工作日 8:00-12:00，14:30-17:30. */
        Optional<String> hours();
    }
}
