package io.xxgk.ingest.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each service's application.properties decides for operators, resolved by SmallRye Config as Quarkus does:
 * traces are off unless QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT names a collector (compose and deploy/ pass it empty
 * by default), and logs are JSON lines in prod only.
 */
class ObservabilitySwitchesTest {

    private static final String ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";

    @TestFactory
    Stream<DynamicTest> tracingFollowsTheOtlpEndpointAndLogsAreJsonInProdOnly() {
        return Stream.of("ingest-service", "classify-service", "publish-service").map(service -> DynamicTest.dynamicTest(service, () -> {
            Path file = Path.of("..", service, "src/main/resources/application.properties");
            assertTrue(Files.exists(file), file.toAbsolutePath().toString());
            assertEquals(true, config(file, "prod", Map.of()).getValue("quarkus.otel.sdk.disabled", Boolean.class), "no endpoint: off");
            assertEquals(true, config(file, "prod", Map.of(ENDPOINT, "")).getValue("quarkus.otel.sdk.disabled", Boolean.class), "empty: off");
            assertEquals(false, config(file, "prod", Map.of(ENDPOINT, "http://jaeger:4317")).getValue("quarkus.otel.sdk.disabled", Boolean.class),
                    "a collector named: on");
            assertEquals(true, config(file, "prod", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class), "prod logs JSON");
            assertEquals(false, config(file, "dev", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class), "dev logs text");
            assertEquals(false, config(file, "test", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class), "test logs text");
        }));
    }

    private static SmallRyeConfig config(Path file, String profile, Map<String, String> env) {
        try {
            return new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                    .withSources(new PropertiesConfigSource(env, "environment", 300))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
