package io.xxgk.publish.rest;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code xxgk.report.*}: the annual report. */
@ConfigMapping(prefix = "xxgk.report")
public interface ReportConfig {

    /**
     * Absolute URL the catalogue's relative links are resolved against in the report (e.g. the school's public
     * address of publish-service, {@code https://xxgk.example.edu.cn}); absent: the address of the request.
     */
    Optional<String> publicBaseUrl();
}
