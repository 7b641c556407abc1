package io.xxgk.contract.security;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.problem.ProblemException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The person on whose behalf the console calls a service. The console signs in as the service account that has the
 * {@link #CONSOLE_ROLE} role and names the person in these headers; a service trusts them only from that account and
 * records the person as the one who decided.
 */
public record ActingUser(String name, Role role, String department) {

    public static final String CONSOLE_ROLE = "console";
    public static final String NAME_HEADER = "X-Xxgk-Actor";
    public static final String ROLE_HEADER = "X-Xxgk-Actor-Role";
    /** Set for a department editor: the department they may see and write. */
    public static final String DEPARTMENT_HEADER = "X-Xxgk-Actor-Department";

    /** The console's roles; a department editor works for one department only. */
    public enum Role {
        EDITOR, REVIEWER, LEADER, OPERATOR, ADMIN;

        public static Optional<Role> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public ActingUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        if (role == Role.EDITOR && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("a department editor needs a department");
        }
    }

    /**
     * A name or department as a header value: HTTP header values are ISO-8859-1 on the wire, so a Chinese department
     * travels percent-encoded UTF-8 ({@code 招生就业处} → {@code %E6%8B%9B...}); {@link #fromHeaders} decodes it.
     */
    public static String headerValue(String value) {
        return value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Decodes {@link #headerValue}; raw UTF-8 bytes (read by the server as ISO-8859-1) are accepted too, and a value
     * that is neither comes back unchanged.
     */
    static String fromHeaderValue(String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('%') >= 0) {
            try {
                return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        if (value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /**
     * The acting user the console names in the three headers; otherwise a 400 problem naming each header that is
     * missing or wrong, in Chinese and English.
     */
    public static ActingUser require(String encodedName, String role, String encodedDepartment) {
        return fromHeaders(encodedName, role, encodedDepartment).orElseThrow(() -> {
            List<FieldError> errors = new ArrayList<>();
            String name = fromHeaderValue(encodedName);
            if (name == null || name.isBlank()) {
                errors.add(new FieldError(NAME_HEADER, "required", "the person the console acts for is required",
                        "缺少代为操作的人员（" + NAME_HEADER + "，中文以百分号编码的 UTF-8 发送）"));
            }
            if (Role.parse(role).isEmpty()) {
                errors.add(new FieldError(ROLE_HEADER, role == null || role.isBlank() ? "required" : "invalid",
                        "the acting person's role must be one of EDITOR, REVIEWER, LEADER, OPERATOR, ADMIN",
                        "操作人角色（" + ROLE_HEADER + "）应为 EDITOR、REVIEWER、LEADER、OPERATOR、ADMIN 之一"));
            } else if (errors.isEmpty()) {
                errors.add(new FieldError(DEPARTMENT_HEADER, "required", "a department editor needs a department",
                        "部门信息员须指明部门（" + DEPARTMENT_HEADER + "）"));
            }
            return ProblemException.invalid(errors);
        });
    }

    /** The acting user named by the three headers (name and department as {@link #headerValue}), if valid. */
    public static Optional<ActingUser> fromHeaders(String encodedName, String role, String encodedDepartment) {
        String name = fromHeaderValue(encodedName);
        String department = fromHeaderValue(encodedDepartment);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Role.parse(role)
                .filter(r -> r != Role.EDITOR || (department != null && !department.isBlank()))
                .map(r -> new ActingUser(name.trim(), r, department == null || department.isBlank() ? null : department.trim()));
    }
}
