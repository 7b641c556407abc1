package io.xxgk.console.service;

import io.xxgk.console.client.IngestClient;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Department API keys of the administrator's school, through ingest's admin API (ingest keeps the keys). */
@ApplicationScoped
public class ApiKeyService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final IngestClient ingest;
    private final ServiceCalls calls;

    public ApiKeyService(@RestClient IngestClient ingest, ServiceCalls calls) {
        this.ingest = ingest;
        this.calls = calls;
    }

    public List<IngestClient.ApiKey> list(ConsoleUser admin) {
        return calls.call("ingest-service", () -> ingest.apiKeys(admin.schoolCode())).stream()
                .filter(k -> admin.schoolCode().equals(k.schoolCode()))
                .sorted(Comparator.comparing((IngestClient.ApiKey k) -> k.revokedAt() != null)
                        .thenComparing(IngestClient.ApiKey::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** A new department key; its secret is in the answer and nowhere else. */
    public IngestClient.IssuedKey issue(ConsoleUser admin, String department, String label, LocalDate expires) {
        if (department == null || department.isBlank()) {
            throw ProblemException.invalid("department", "required", "the key's department is required", "请填写部门");
        }
        Instant expiresAt = expires == null ? null : expires.plusDays(1).atStartOfDay(CHINA).toInstant();
        if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
            throw ProblemException.invalid("expiresAt", "past", "the expiry date has passed", "有效期已过");
        }
        return calls.call("ingest-service", () -> ingest.issueKey(new IngestClient.IssueKey(admin.schoolCode(),
                department.trim(), "DEPARTMENT", label == null || label.isBlank() ? null : label.trim(), expiresAt)));
    }

    public void revoke(ConsoleUser admin, UUID id) {
        boolean ours = list(admin).stream().anyMatch(k -> k.id().equals(id));
        if (!ours) {
            throw new ProblemException(404, "not-found", "密钥不存在 / No such key", "没有这个密钥 / no such key",
                    List.of(new FieldError("id", "not-found", "no such key", "没有这个密钥")));
        }
        calls.call("ingest-service", () -> ingest.revokeKey(id));
    }
}
