package io.xxgk.console.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person who signs in to the console. quarkus-security-jpa reads {@code username}, the bcrypt {@code passwordHash}
 * (Modular Crypt Format) and {@code role}; {@code SignInGuard} adds lockout and the disabled flag in front of it.
 */
@Entity
@Table(name = "account")
@UserDefinition
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "school_code")
    public String schoolCode;

    public String department;

    public boolean enabled = true;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public static Optional<Account> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return find("lower(username) = ?1", username.trim().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public static List<Account> ofSchool(String schoolCode) {
        return list("schoolCode = ?1 order by role, username", schoolCode);
    }

    public ConsoleRole consoleRole() {
        return ConsoleRole.parse(role).orElseThrow(() -> new IllegalStateException("unknown role " + role));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
