package io.xxgk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource that points a service at the real servers of {@link RealServers}.
 * Init arg {@code database}: the service's own database (created if missing).
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return RealServers.stack().serviceConfig(database);
    }

    @Override
    public void stop() {
        // the stack lives until the test JVM exits, so every test class of the module shares it
    }
}
