package io.xxgk.contract.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Locale;

/**
 * In the {@code prod} profile a service refuses to start while a setting it cannot default is missing, naming the
 * property and its environment variable: application.properties holds the local servers' addresses and passwords for
 * {@code dev} and {@code test} only, so a deployment that forgets one never quietly dials this machine.
 */
@ApplicationScoped
public class RequiredSettingsCheck {

    private final ProductionConfig production;
    private final Config config;

    public RequiredSettingsCheck(ProductionConfig production, Config config) {
        this.production = production;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod")) {
            List<String> missing = missing(production.requiredSettings(), config);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("缺少必需的配置，拒绝启动 / refusing to start, required settings are missing: "
                        + String.join(", ", missing));
            }
        }
    }

    /** Each missing setting as {@code name (ENV_NAME)}; empty when all are given. */
    public static List<String> missing(List<String> required, Config config) {
        return required.stream()
                .filter(name -> config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isEmpty())
                .map(name -> name + " (" + environmentName(name) + ")")
                .toList();
    }

    /** The environment variable MicroProfile Config reads for a property: {@code kafka.bootstrap.servers} → {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
