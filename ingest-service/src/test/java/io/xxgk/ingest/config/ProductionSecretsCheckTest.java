package io.xxgk.ingest.config;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding 11: the prod profile refuses placeholder and short secrets. */
class ProductionSecretsCheckTest {

    static final String STRONG = "Zq3v9XoL1c8Rk2pT7wYb4nHs6dFj0mAe5uGi";
    static final String REMOTE = "http://minio:9000";

    @Test
    void placeholdersShippedWithTheProjectAreRefused() {
        for (String placeholder : new String[]{"change-me-local-admin-token", "CHANGE-ME-admin-token", "test-admin-token",
                "CHANGE-ME-" + "x".repeat(40)}) {
            assertEquals(1, ProductionSecretsCheck.problems(Optional.of(placeholder), STRONG, REMOTE).size(), placeholder);
        }
        for (String placeholder : new String[]{"ingest-storage-dev-secret", "CHANGE-ME-ingest-secret-key", "xxgk-local-secret"}) {
            assertEquals(1, ProductionSecretsCheck.problems(Optional.of(STRONG), placeholder, REMOTE).size(), placeholder);
        }
    }

    @Test
    void shortSecretsAreRefusedAndStrongOnesAccepted() {
        assertTrue(ProductionSecretsCheck.problems(Optional.of("a".repeat(31) + "Z"), STRONG, REMOTE).isEmpty());
        assertEquals(1, ProductionSecretsCheck.problems(Optional.of("k9Qz-short-token"), STRONG, REMOTE).size());
        assertEquals(2, ProductionSecretsCheck.problems(Optional.of(""), "s3cr3t", REMOTE).size());
        assertTrue(ProductionSecretsCheck.problems(Optional.empty(), STRONG, REMOTE).isEmpty(), "no admin token, no admin endpoint");
        assertTrue(ProductionSecretsCheck.problems(Optional.of(STRONG), STRONG, REMOTE).isEmpty());
    }

    @Test
    void thePublicFormTokenMustBeStrongAndNotTheAdminToken() {
        String form = "f".repeat(20) + "-public-form-token-9Q";
        assertTrue(ProductionSecretsCheck.formTokenProblems(Optional.of(form), Optional.of(STRONG)).isEmpty());
        assertTrue(ProductionSecretsCheck.formTokenProblems(Optional.empty(), Optional.of(STRONG)).isEmpty(), "form off");
        assertEquals(1, ProductionSecretsCheck.formTokenProblems(Optional.of(STRONG), Optional.of(STRONG)).size(),
                "the admin token reused as the form's token would make publish an admin");
        assertEquals(1, ProductionSecretsCheck.formTokenProblems(Optional.of("short"), Optional.of(STRONG)).size());
    }

    @Test
    void theStorageSecretOfALoopbackObjectStoreIsLocalOnly() {
        assertTrue(ProductionSecretsCheck.problems(Optional.of(STRONG), "xxgk-local-secret", "http://127.0.0.1:19000").isEmpty());
        assertEquals(1, ProductionSecretsCheck.problems(Optional.of(STRONG), "xxgk-local-secret", "https://s3.example.edu.cn").size());
    }

    @Test
    void theDefaultsOfApplicationPropertiesWouldBeRefusedOutsideThisMachine() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertEquals(2, ProductionSecretsCheck.problems(Optional.of(p.getProperty("%test.xxgk.admin-token")),
                p.getProperty("xxgk.storage.secret-key"), "http://minio:9000").size());
    }
}
