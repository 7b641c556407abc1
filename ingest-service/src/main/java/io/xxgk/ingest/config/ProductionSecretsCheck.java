package io.xxgk.ingest.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * In the {@code prod} profile ingest refuses to start with a secret anyone could know: the admin token mints
 * keys for every school, and the storage secret opens every attachment. Refused: the placeholders shipped in
 * docker-compose.yml, deploy/ and application.properties, anything containing "change-me", and anything shorter
 * than 32 characters. The storage secret of an object store on this machine's loopback interface (./run.sh's
 * S3Proxy) is exempt: nothing outside the machine can reach it.
 */
@ApplicationScoped
public class ProductionSecretsCheck {

    static final int MIN_LENGTH = 32;
    static final Set<String> PLACEHOLDERS = Set.of(
            "change-me-local-admin-token", "ingest-storage-dev-secret",          // docker-compose.yml defaults
            "change-me-admin-token", "change-me-ingest-secret-key",              // deploy/ingest-service/secret.yaml
            "xxgk-local-secret", "test-admin-token", "xxgk-local",               // application.properties, tests
            "minioadmin", "admin", "password", "secret", "changeme");

    private final IngestConfig config;

    public ProductionSecretsCheck(IngestConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod")) {
            List<String> problems = problems(config.adminToken(), config.storage().secretKey(), config.storage().endpoint());
            problems.addAll(formTokenProblems(config.publicApplicationsToken(), config.adminToken()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("拒绝以不安全的密钥启动 / refusing to start with insecure secrets in the prod profile: "
                        + String.join("; ", problems));
            }
        }
    }

    /** Each insecure secret, explained; empty when all are acceptable. */
    static List<String> problems(Optional<String> adminToken, String storageSecret, String storageEndpoint) {
        List<String> problems = new ArrayList<>();
        adminToken.ifPresent(t -> weakness(t).ifPresent(w -> problems.add(
                "xxgk.admin-token (XXGK_ADMIN_TOKEN) " + w + "; set a random token, e.g. openssl rand -base64 48")));
        if (!loopback(storageEndpoint)) {
            weakness(storageSecret).ifPresent(w -> problems.add(
                    "xxgk.storage.secret-key (XXGK_STORAGE_SECRET_KEY) " + w + "; set the object store user's real secret"));
        }
        return problems;
    }

    /**
     * The public form's token is held by publish-service; equal to the admin token it would make publish an admin,
     * because the admin token is checked first.
     */
    static List<String> formTokenProblems(Optional<String> formToken, Optional<String> adminToken) {
        List<String> problems = new ArrayList<>();
        formToken.ifPresent(t -> {
            weakness(t).ifPresent(w -> problems.add(
                    "xxgk.public-applications-token (XXGK_PUBLIC_APPLICATIONS_TOKEN) " + w + "; set a random token"));
            if (adminToken.filter(a -> a.strip().equals(t.strip())).isPresent()) {
                problems.add("xxgk.public-applications-token (XXGK_PUBLIC_APPLICATIONS_TOKEN) equals the admin token / 与管理员令牌相同;"
                        + " give the public form its own token");
            }
        });
        return problems;
    }

    static Optional<String> weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("is empty / 为空");
        }
        String s = secret.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(s) || s.contains("change-me") || s.contains("changeme")) {
            return Optional.of("is a published placeholder / 是公开的占位值");
        }
        if (secret.strip().length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters / 短于 " + MIN_LENGTH + " 个字符");
        }
        return Optional.empty();
    }

    static boolean loopback(String endpoint) {
        try {
            String host = URI.create(endpoint).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
