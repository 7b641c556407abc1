package io.xxgk.publish.service.apply;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The 依申请公开 pages ({@code /schools/{school}/apply}). The form records applications through ingest-service's
 * {@code POST /api/v1/public-applications}; without {@code ingest-url} and {@code ingest-token} the guide says that
 * applications are taken in writing only and the form is not offered.
 */
@ConfigMapping(prefix = "xxgk.apply")
public interface ApplyConfig {

    /** ingest-service's base URL, e.g. {@code http://ingest-service:8081}. */
    Optional<String> ingestUrl();

    /** ingest's {@code xxgk.public-applications-token}: the form's credential, which can do nothing else. */
    Optional<String> ingestToken();

    /** How long the form waits for ingest before telling the applicant to try again (nothing is recorded twice). */
    @WithDefault("10s")
    Duration ingestTimeout();

    RateLimit rateLimit();

    interface RateLimit {
        /**
         * Form submissions (valid or not) one client address may make per {@link #window()}; the next is a 429 page.
         * The address is the connection's, or the one a trusted proxy forwarded when Quarkus' proxy settings
         * ({@code quarkus.http.proxy.proxy-address-forwarding}, {@code .trusted-proxies}) say so.
         */
        @WithDefault("5")
        int max();

        @WithDefault("10m")
        Duration window();
    }

    default boolean enabled() {
        return ingestUrl().filter(u -> !u.isBlank()).isPresent() && ingestToken().filter(t -> !t.isBlank()).isPresent();
    }
}
