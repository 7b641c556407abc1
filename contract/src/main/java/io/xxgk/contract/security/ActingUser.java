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

    /** The acting user named by the three headers, if the headers name a valid one. */
    public static Optional<ActingUser> fromHeaders(String name, String role, String department) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Role.parse(role)
                .filter(r -> r != Role.EDITOR || (department != null && !department.isBlank()))
                .map(r -> new ActingUser(name.trim(), r, department == null || department.isBlank() ? null : department.trim()));
    }
}
