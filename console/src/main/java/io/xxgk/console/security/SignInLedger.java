package io.xxgk.console.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.SignInEvent;
import io.xxgk.console.repository.SignInEvent.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides a password sign-in before quarkus-security-jpa does, and records it: a disabled or locked account is refused
 * whatever the password; the {@code failures}-th wrong password in a row locks the account for {@code duration}.
 * Every attempt, successful or not, is written to the audit log with the client address.
 */
@ApplicationScoped
public class SignInLedger {

    public enum Verdict { PASS, REFUSED, LOCKED }

    /** A bcrypt hash of nothing anyone types: an unknown name costs the same time as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("xxgk-console-no-such-account");

    private final int failures;
    private final Duration duration;
    private final Clock clock;

    public SignInLedger(@ConfigProperty(name = "xxgk.console.lockout.failures") int failures,
                        @ConfigProperty(name = "xxgk.console.lockout.duration") Duration duration) {
        this.failures = failures;
        this.duration = duration;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Verdict attempt(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        Optional<Account> found = Account.byUsername(username);
        if (found.isEmpty()) {
            BcryptUtil.matches(password, DUMMY_HASH);
            SignInEvent.record(username, null, Outcome.UNKNOWN_USER, clientAddress);
            return Verdict.REFUSED;
        }
        Account account = found.get();
        if (!account.enabled) {
            SignInEvent.record(username, account.id, Outcome.DISABLED, clientAddress);
            return Verdict.REFUSED;
        }
        if (account.lockedAt(now)) {
            SignInEvent.record(username, account.id, Outcome.LOCKED, clientAddress);
            return Verdict.LOCKED;
        }
        if (!BcryptUtil.matches(password, account.passwordHash)) {
            account.failedAttempts++;
            boolean lock = account.failedAttempts >= failures;
            if (lock) {
                account.lockedUntil = now.plus(duration);
                account.failedAttempts = 0;
            }
            account.updatedAt = now;
            SignInEvent.record(username, account.id, Outcome.WRONG_PASSWORD, clientAddress);
            return lock ? Verdict.LOCKED : Verdict.REFUSED;
        }
        account.failedAttempts = 0;
        account.lockedUntil = null;
        SignInEvent.record(account.username, account.id, Outcome.SUCCESS, clientAddress);
        return Verdict.PASS;
    }

    /** Whether a signed-in session may go on: an account disabled since the sign-in may not. */
    @Transactional
    public boolean active(String username) {
        return Account.byUsername(username).map(a -> a.enabled).orElse(false);
    }
}
