package io.xxgk.contract.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequiredSettingsCheckTest {

    private static final List<String> REQUIRED = List.of("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers",
            "xxgk.storage.secret-key");

    @Test
    void aMissingOrBlankSettingIsNamedWithItsEnvironmentVariable() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/ingest",
                "xxgk.storage.secret-key", "  "), "test", 100)).build();
        assertEquals(List.of("kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)", "xxgk.storage.secret-key (XXGK_STORAGE_SECRET_KEY)"),
                RequiredSettingsCheck.missing(REQUIRED, config));
    }

    @Test
    void aLocalDefaultOfTheDevAndTestProfilesDoesNotCountInProd() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(Map.of(
                "%dev,test.kafka.bootstrap.servers", "127.0.0.1:19092",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/ingest",
                "xxgk.storage.secret-key", "a-real-secret"), "test", 100)).build();
        assertEquals(List.of("kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)"), RequiredSettingsCheck.missing(REQUIRED, config));
    }

    @Test
    void nothingIsMissingWhenEverythingIsGiven() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/ingest",
                "kafka.bootstrap.servers", "kafka:9092",
                "xxgk.storage.secret-key", "a-real-secret"), "test", 100)).build();
        assertEquals(List.of(), RequiredSettingsCheck.missing(REQUIRED, config));
    }
}
