package io.xxgk.console.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accounts of one school, managed by its administrators. Passwords are stored as bcrypt hashes only. */
@ApplicationScoped
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public record AccountView(long id, String username, String displayName, ConsoleRole role, String schoolCode,
                              String department, boolean enabled, boolean locked, Instant lockedUntil) {
        static AccountView of(Account a) {
            return new AccountView(a.id, a.username, a.displayName, a.consoleRole(), a.schoolCode, a.department,
                    a.enabled, a.lockedAt(Instant.now()), a.lockedUntil);
        }
    }

    public record NewAccount(String username, String displayName, String role, String department, String password) {
    }

    private final SchoolDirectory schools;

    public AccountService(SchoolDirectory schools) {
        this.schools = schools;
    }

    @Transactional
    public List<AccountView> list(ConsoleUser admin) {
        return Account.ofSchool(admin.schoolCode()).stream().map(AccountView::of).toList();
    }

    /** Creates an account in the administrator's own school. */
    @Transactional
    public AccountView create(ConsoleUser admin, NewAccount request) {
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "invalid", "2-64 lower-case letters, digits, '.', '_' or '-'",
                    "用户名为 2-64 位小写字母、数字、点、下划线或连字符"));
        } else if (Account.byUsername(username).isPresent()) {
            errors.add(new FieldError("username", "taken", "this user name is taken", "该用户名已被使用"));
        }
        ConsoleRole role = ConsoleRole.parse(request.role()).orElse(null);
        if (role == null) {
            errors.add(new FieldError("role", "invalid", "choose a role", "请选择角色"));
        }
        String department = blankToNull(request.department());
        if (role == ConsoleRole.EDITOR && department == null) {
            errors.add(new FieldError("department", "required", "a department editor needs a department", "部门信息员必须指定部门"));
        }
        passwordErrors(request.password(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Account a = new Account();
        a.username = username;
        a.displayName = blankToNull(request.displayName()) == null ? username : request.displayName().trim();
        a.role = role.value();
        a.schoolCode = admin.schoolCode();
        a.department = role == ConsoleRole.EDITOR ? department : null;
        a.passwordHash = BcryptUtil.bcryptHash(request.password());
        a.persist();
        return AccountView.of(a);
    }

    @Transactional
    public AccountView changeRole(ConsoleUser admin, long id, String roleValue, String departmentValue) {
        Account a = ofSchool(admin, id);
        ConsoleRole role = ConsoleRole.parse(roleValue).orElseThrow(() -> invalid(List.of(
                new FieldError("role", "invalid", "choose a role", "请选择角色"))));
        String department = blankToNull(departmentValue);
        if (role == ConsoleRole.EDITOR && department == null) {
            throw invalid(List.of(new FieldError("department", "required", "a department editor needs a department", "部门信息员必须指定部门")));
        }
        if (a.username.equals(admin.username()) && role != ConsoleRole.ADMIN) {
            throw invalid(List.of(new FieldError("role", "self", "you cannot take away your own administrator role",
                    "不能取消自己的管理员角色")));
        }
        a.role = role.value();
        a.department = role == ConsoleRole.EDITOR ? department : null;
        a.updatedAt = Instant.now();
        return AccountView.of(a);
    }

    @Transactional
    public AccountView setEnabled(ConsoleUser admin, long id, boolean enabled) {
        Account a = ofSchool(admin, id);
        if (!enabled && a.username.equals(admin.username())) {
            throw invalid(List.of(new FieldError("enabled", "self", "you cannot disable your own account", "不能停用自己的账户")));
        }
        a.enabled = enabled;
        a.updatedAt = Instant.now();
        return AccountView.of(a);
    }

    /** A new password, set by an administrator; also lifts a lockout. */
    @Transactional
    public AccountView resetPassword(ConsoleUser admin, long id, String password) {
        Account a = ofSchool(admin, id);
        List<FieldError> errors = new ArrayList<>();
        passwordErrors(password, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        a.passwordHash = BcryptUtil.bcryptHash(password);
        a.failedAttempts = 0;
        a.lockedUntil = null;
        a.updatedAt = Instant.now();
        return AccountView.of(a);
    }

    public String schoolName(String code) {
        return schools.find(code).map(s -> s.name()).orElse(code);
    }

    private static Account ofSchool(ConsoleUser admin, long id) {
        Account a = Account.findById(id);
        if (a == null || !a.schoolCode.equals(admin.schoolCode())) {
            throw new ProblemException(404, "not-found", "账户不存在 / No such account", "没有这个账户 / no such account",
                    List.of(new FieldError("id", "not-found", "no such account", "没有这个账户")));
        }
        return a;
    }

    static void passwordErrors(String password, List<FieldError> errors) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "too-short", "at least " + MIN_PASSWORD_LENGTH + " characters",
                    "密码至少 " + MIN_PASSWORD_LENGTH + " 个字符"));
        } else if (password.length() > 72) {
            errors.add(new FieldError("password", "too-long", "at most 72 characters", "密码最多 72 个字符"));
        }
    }

    static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid-account", "账户信息有误 / Invalid account",
                errors.stream().map(e -> e.messageZh() + " / " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
