package io.xxgk.ingest.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.xxgk.contract.config.RequiredSettingsCheck;
import io.xxgk.stack.LocalStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quarkus dev}: each service's dev profile names no database and no Kafka, so that Quarkus Dev Services start
 * them where Docker runs; the environment {@code ./run.sh --servers-only} prints is taken instead when exported.
 * Dev Services never run in tests (test-support's servers) or in prod.
 */
class DevServicesSwitchTest {

    private static final List<String> STARTED_BY_DEV_SERVICES = List.of("quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "kafka.bootstrap.servers");

    @TestFactory
    Stream<DynamicTest> devModeLeavesDatabaseAndKafkaToDevServicesOrToTheExportedEnvironment() {
        return Stream.of("ingest-service", "classify-service", "publish-service", "console").map(service -> DynamicTest.dynamicTest(service, () -> {
            Path file = Path.of("..", service, "src/main/resources/application.properties");
            assertTrue(Files.exists(file), file.toAbsolutePath().toString());
            SmallRyeConfig dev = config(file, "dev", Map.of());
            for (String name : STARTED_BY_DEV_SERVICES) {
                assertEquals(Optional.empty(), dev.getOptionalValue(name, String.class), service + " dev pins " + name);
            }
            assertEquals(true, dev.getValue("quarkus.devservices.enabled", Boolean.class), "dev: Dev Services on");
            assertEquals(false, config(file, "test", Map.of()).getValue("quarkus.devservices.enabled", Boolean.class), "test: off");
            assertEquals(false, config(file, "prod", Map.of()).getValue("quarkus.devservices.enabled", Boolean.class), "prod: off");

            String database = service.replace("-service", "");
            Map<String, String> serversOnly = LocalStack.serviceConfig(database, "127.0.0.1:19092",
                    "jdbc:postgresql://127.0.0.1:15432/" + database, "http://127.0.0.1:19000", "xxgk-local", "xxgk-local-secret");
            Map<String, String> exported = new LinkedHashMap<>();
            serversOnly.forEach((k, v) -> exported.put(RequiredSettingsCheck.environmentName(k), v));
            SmallRyeConfig devWithServers = config(file, "dev", exported);
            for (String name : STARTED_BY_DEV_SERVICES) {
                assertEquals(serversOnly.get(name), devWithServers.getValue(name, String.class), service + " " + name);
            }
        }));
    }

    private static SmallRyeConfig config(Path file, String profile, Map<String, String> env) {
        try {
            return new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                    .withSources(new EnvConfigSource(env, 300))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
