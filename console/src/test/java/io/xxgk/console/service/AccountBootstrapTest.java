package io.xxgk.console.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In prod the console refuses a weak first-administrator password and the demo accounts of ./run.sh. */
class AccountBootstrapTest {

    @Test
    void aStrongPasswordAndNoDemoAccountsPass() {
        assertEquals(List.of(), AccountBootstrap.productionProblems(Optional.of("k3V9-qLr2-Zt7w-Hx4p"), false));
        assertEquals(List.of(), AccountBootstrap.productionProblems(Optional.empty(), false));
    }

    @Test
    void weakPasswordsAreRefusedNamingTheSetting() {
        for (String weak : List.of("admin", "CHANGE-ME-console-first-admin-password", "short-but-ok1", "aaaaaaaaaaaaaaaaaaaa")) {
            List<String> problems = AccountBootstrap.productionProblems(Optional.of(weak), false);
            assertEquals(1, problems.size(), weak);
            assertTrue(problems.get(0).contains("XXGK_CONSOLE_BOOTSTRAP_ADMIN_PASSWORD"), problems.get(0));
        }
    }

    @Test
    void demoAccountsAreRefusedInProd() {
        List<String> problems = AccountBootstrap.productionProblems(Optional.empty(), true);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("XXGK_CONSOLE_DEMO_ACCOUNTS"));
    }

    @Test
    void demoAccountsAreAllowedOnlyNextToALocalDatabase() {
        assertTrue(AccountBootstrap.loopback("jdbc:postgresql://127.0.0.1:15432/console"));
        assertTrue(AccountBootstrap.loopback("jdbc:postgresql://localhost/console"));
        assertTrue(!AccountBootstrap.loopback("jdbc:postgresql://postgres:5432/console"));
        assertTrue(!AccountBootstrap.loopback("jdbc:postgresql://127.example.com:5432/console"));
    }
}
