package io.xxgk.console.security;

import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.contract.security.ActingUser;

/** The signed-in person as pages and services see them. {@code department} is set for editors only. */
public record ConsoleUser(String username, String displayName, ConsoleRole role, String schoolCode, String department) {

    public static ConsoleUser of(Account a) {
        ConsoleRole role = a.consoleRole();
        return new ConsoleUser(a.username, a.displayName, role, a.schoolCode, role == ConsoleRole.EDITOR ? a.department : null);
    }

    public boolean is(ConsoleRole r) {
        return role == r;
    }

    public boolean isAny(ConsoleRole... roles) {
        for (ConsoleRole r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** Who the services record as having decided (the {@code X-Xxgk-Actor*} headers). */
    public ActingUser acting() {
        return new ActingUser(username, role.actingRole(), department);
    }
}
