package io.xxgk.console.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.ConsoleRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts that exist before anyone can sign in. Passwords arrive as secrets (environment) and are stored as bcrypt
 * hashes only; application.properties holds none.
 * <ul>
 * <li>{@code xxgk.console.bootstrap-admin-password}: an administrator {@code admin} of
 * {@code xxgk.console.bootstrap-school}, created only while no account exists. In prod a weak one stops the start.</li>
 * <li>{@code xxgk.console.demo-accounts} (./run.sh and the tests only; in prod refused unless the database is on this
 * machine's loopback interface, as ./run.sh's is): a JSON array of
 * {@code {username, role, school, department, displayName, password}}; each is created, or given this password again.</li>
 * </ul>
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);
    static final String BOOTSTRAP_ADMIN = "admin";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 16;
    static final Set<String> PLACEHOLDERS = Set.of("admin", "password", "secret", "changeme", "12345678", "console",
            "admin123", "administrator", "console-dev-password");

    public record DemoAccount(String username, String role, String school, String department, String displayName,
                              String password) {
    }

    private final Optional<String> adminPassword;
    private final String bootstrapSchool;
    private final Optional<String> demoAccounts;
    private final ObjectMapper json;
    private final Optional<String> jdbcUrl;

    public AccountBootstrap(@ConfigProperty(name = "xxgk.console.bootstrap-admin-password") Optional<String> adminPassword,
                            @ConfigProperty(name = "xxgk.console.bootstrap-school") String bootstrapSchool,
                            @ConfigProperty(name = "xxgk.console.demo-accounts") Optional<String> demoAccounts,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
                            ObjectMapper json) {
        this.jdbcUrl = jdbcUrl;
        this.adminPassword = adminPassword.filter(p -> !p.isBlank());
        this.bootstrapSchool = bootstrapSchool;
        this.demoAccounts = demoAccounts.filter(p -> !p.isBlank());
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        if (prod) {
            List<String> problems = productionProblems(adminPassword,
                    demoAccounts.isPresent() && !jdbcUrl.map(AccountBootstrap::loopback).orElse(false));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("拒绝以不安全的账户设置启动 / refusing to start with insecure account settings: "
                        + String.join("; ", problems));
            }
        }
        QuarkusTransaction.requiringNew().run(this::apply);
    }

    void apply() {
        adminPassword.ifPresent(p -> {
            if (Account.count() == 0) {
                Account a = new Account();
                a.username = BOOTSTRAP_ADMIN;
                a.displayName = "系统管理员";
                a.role = ConsoleRole.ADMIN.value();
                a.schoolCode = bootstrapSchool;
                a.passwordHash = BcryptUtil.bcryptHash(p);
                a.persist();
                LOG.infof("first administrator '%s' created for school %s", BOOTSTRAP_ADMIN, bootstrapSchool);
            }
        });
        demoAccounts.ifPresent(raw -> parse(raw).forEach(AccountBootstrap::upsert));
    }

    private List<DemoAccount> parse(String raw) {
        try {
            return json.readValue(raw, new TypeReference<List<DemoAccount>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("xxgk.console.demo-accounts is not a JSON array of accounts", e);
        }
    }

    private static void upsert(DemoAccount d) {
        ConsoleRole role = ConsoleRole.parse(d.role()).orElseThrow(() -> new IllegalArgumentException("demo account "
                + d.username() + ": unknown role " + d.role()));
        Account a = Account.byUsername(d.username()).orElseGet(Account::new);
        boolean created = a.id == null;
        a.username = d.username().trim().toLowerCase(Locale.ROOT);
        a.displayName = d.displayName() == null || d.displayName().isBlank() ? a.username : d.displayName();
        a.role = role.value();
        a.schoolCode = d.school();
        a.department = role == ConsoleRole.EDITOR ? d.department() : null;
        a.passwordHash = BcryptUtil.bcryptHash(d.password());
        a.enabled = true;
        a.failedAttempts = 0;
        a.lockedUntil = null;
        a.updatedAt = Instant.now();
        if (created) {
            a.persist();
        }
    }

    /** Whether a JDBC URL names this machine (./run.sh's PostgreSQL), where demo accounts are allowed. */
    static boolean loopback(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:\\w+://([^/:?]+|\\[[^]]+])").matcher(jdbcUrl);
        if (!m.find()) {
            return false;
        }
        String host = m.group(1);
        return host.equals("localhost") || host.matches("127\\.\\d+\\.\\d+\\.\\d+") || host.equals("[::1]");
    }

    /** What makes the prod profile refuse to start; empty when the settings are acceptable. */
    static List<String> productionProblems(Optional<String> adminPassword, boolean demoAccounts) {
        List<String> problems = new ArrayList<>();
        if (demoAccounts) {
            problems.add("xxgk.console.demo-accounts (XXGK_CONSOLE_DEMO_ACCOUNTS) is for ./run.sh and tests only / 演示账户仅用于本机演示和测试");
        }
        adminPassword.ifPresent(p -> {
            String s = p.strip().toLowerCase(Locale.ROOT);
            if (PLACEHOLDERS.contains(s) || s.contains("change-me") || s.contains("changeme")) {
                problems.add("xxgk.console.bootstrap-admin-password (XXGK_CONSOLE_BOOTSTRAP_ADMIN_PASSWORD) is a published placeholder / 是公开的占位值");
            } else if (p.strip().length() < MIN_ADMIN_PASSWORD_LENGTH) {
                problems.add("xxgk.console.bootstrap-admin-password (XXGK_CONSOLE_BOOTSTRAP_ADMIN_PASSWORD) is shorter than "
                        + MIN_ADMIN_PASSWORD_LENGTH + " characters / 短于 " + MIN_ADMIN_PASSWORD_LENGTH + " 个字符");
            } else if (p.chars().distinct().count() < 6) {
                problems.add("xxgk.console.bootstrap-admin-password (XXGK_CONSOLE_BOOTSTRAP_ADMIN_PASSWORD) repeats too few characters / 字符种类太少");
            }
        });
        return problems;
    }
}
