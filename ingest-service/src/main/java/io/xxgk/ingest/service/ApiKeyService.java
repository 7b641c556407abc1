package io.xxgk.ingest.service;

import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.ingest.repository.ApiKey;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Issues and revokes API keys. The secret is returned once and stored only as its SHA-256. */
@ApplicationScoped
public class ApiKeyService {

    public enum KeyRole { DEPARTMENT, OPERATOR }

    public record IssueRequest(String schoolCode, String department, String role, String label, Instant expiresAt) {
    }

    public record Issued(UUID id, String key, String keyPrefix, String schoolCode, String department, String role,
                         Instant expiresAt) {
    }

    public record KeyView(UUID id, String keyPrefix, String schoolCode, String department, String role, String label,
                          Instant createdAt, Instant expiresAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.keyPrefix, k.schoolCode, k.department, k.role, k.label, k.createdAt, k.expiresAt, k.revokedAt);
        }
    }

    private final SchoolDirectory schools;
    private final Clock clock;

    public ApiKeyService(SchoolDirectory schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(IssueRequest r) {
        if (r == null) {
            throw ProblemException.invalid(List.of(new FieldError("$", "required", "request body is required", "请求体不能为空")));
        }
        List<FieldError> errors = new ArrayList<>();
        boolean texts = TextRules.check("schoolCode", r.schoolCode(), 32, errors)
                & TextRules.check("department", r.department(), 400, errors)
                & TextRules.check("label", r.label(), 600, errors)
                & TextRules.check("role", r.role(), 32, errors);
        if (!texts) {
            throw ProblemException.invalid(errors);
        }
        KeyRole role = r.role() == null ? KeyRole.DEPARTMENT : ItemValidator.parseEnum(KeyRole.class, r.role());
        if (role == null) {
            errors.add(new FieldError("role", "unknown", "role must be DEPARTMENT or OPERATOR, not '" + r.role() + "'",
                    "角色应为 DEPARTMENT 或 OPERATOR"));
        }
        if (r.department() != null && r.department().strip().length() > 100) {
            errors.add(new FieldError("department", "too-long", "department is longer than 100 characters", "部门名称超过 100 个字符"));
        }
        if (r.label() != null && r.label().length() > 200) {
            errors.add(new FieldError("label", "too-long", "label is longer than 200 characters", "备注超过 200 个字符"));
        }
        if (role == KeyRole.DEPARTMENT) {
            if (r.schoolCode() == null || schools.find(r.schoolCode()).isEmpty()) {
                errors.add(new FieldError("schoolCode", "unknown", "a department key needs a known schoolCode", "部门密钥必须绑定已登记的学校"));
            }
            if (r.department() == null || r.department().isBlank()) {
                errors.add(new FieldError("department", "required", "a department key needs its department", "部门密钥必须绑定部门"));
            }
        }
        if (r.expiresAt() != null && r.expiresAt().isBefore(clock.instant())) {
            errors.add(new FieldError("expiresAt", "past", "expiresAt is in the past", "过期时间早于当前时间"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String secret = ApiKeys.newSecret();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.keyHash = ApiKeys.sha256(secret);
        key.keyPrefix = secret.substring(0, 12);
        key.schoolCode = role == KeyRole.DEPARTMENT ? r.schoolCode() : null;
        key.department = role == KeyRole.DEPARTMENT ? r.department().strip() : null;
        key.role = role.name().toLowerCase(Locale.ROOT);
        key.label = r.label();
        key.createdAt = clock.instant();
        key.expiresAt = r.expiresAt();
        key.persist();
        return new Issued(key.id, secret, key.keyPrefix, key.schoolCode, key.department, role.name(), key.expiresAt);
    }

    @Transactional
    public KeyView revoke(UUID id) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("没有这个 API key / no API key " + id));
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        return KeyView.of(key);
    }

    @Transactional
    public List<KeyView> list(String schoolCode) {
        TextRules.require("schoolCode", schoolCode, 32);
        List<ApiKey> keys = schoolCode == null ? ApiKey.listAll() : ApiKey.list("schoolCode", schoolCode);
        return keys.stream().map(KeyView::of).toList();
    }
}
