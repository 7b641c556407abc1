package io.xxgk.console.repository;

import io.xxgk.contract.security.ActingUser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The console's roles, stored lower case; each maps to the role the services see in {@code X-Xxgk-Actor-Role}. */
public enum ConsoleRole {
    EDITOR("部门信息员", "department editor"),
    REVIEWER("信息公开办公室审核", "office reviewer"),
    LEADER("分管领导审定", "leader (approver)"),
    OPERATOR("运维", "operator"),
    ADMIN("系统管理员", "administrator");

    public static final String EDITOR_NAME = "editor";
    public static final String REVIEWER_NAME = "reviewer";
    public static final String LEADER_NAME = "leader";
    public static final String OPERATOR_NAME = "operator";
    public static final String ADMIN_NAME = "admin";

    private final String labelZh;
    private final String labelEn;

    ConsoleRole(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** As stored and as used in {@code @RolesAllowed}: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public ActingUser.Role actingRole() {
        return ActingUser.Role.valueOf(name());
    }

    public static Optional<ConsoleRole> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.value().equalsIgnoreCase(value.trim())).findFirst();
    }
}
