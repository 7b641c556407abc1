package io.xxgk.contract.security;

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
        return value == null ? null : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String fromHeaderValue(String value) {
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        try {
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
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
