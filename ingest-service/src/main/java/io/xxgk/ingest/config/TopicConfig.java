package io.xxgk.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Topic names, configurable per installation. */
@ConfigMapping(prefix = "xxgk.topics")
public interface TopicConfig {
    @WithDefault("disclosure.items.submitted.v1")
    String itemsSubmitted();

    @WithDefault("disclosure.requests.v1")
    String requests();
}
