package io.xxgk.contract.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** What a service needs to be given in production: {@code xxgk.production.*} in its application.properties. */
@ConfigMapping(prefix = "xxgk.production")
public interface ProductionConfig {

    /**
     * Settings with no usable default outside a developer's machine (database, broker, object store): in the
     * {@code prod} profile the service refuses to start while any of them is missing, and says which.
     */
    List<String> requiredSettings();
}
