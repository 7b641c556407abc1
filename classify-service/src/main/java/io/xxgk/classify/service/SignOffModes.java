package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.repository.SchoolSignOffMode;
import io.xxgk.contract.event.SignOffMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;

/** Each school's sign-off mode: chosen by an admin in the console, else {@code xxgk.sign-off.default-mode}. */
@ApplicationScoped
public class SignOffModes {

    /** A school's mode; {@code configuredDefault} when the school has not chosen one (then no who/when). */
    public record ModeView(String schoolCode, SignOffMode mode, boolean configuredDefault, String changedBy, Instant changedAt) {
    }

    private final SignOffMode defaultMode;
    private final Clock clock;

    public SignOffModes(@ConfigProperty(name = "xxgk.sign-off.default-mode", defaultValue = "AUTO") SignOffMode defaultMode,
                        Clock clock) {
        this.defaultMode = defaultMode;
        this.clock = clock;
    }

    /** The mode a newly classified revision gets; to be called inside the caller's transaction. */
    public SignOffMode modeFor(String schoolCode) {
        SchoolSignOffMode m = SchoolSignOffMode.findById(schoolCode);
        return m == null ? defaultMode : SignOffMode.valueOf(m.mode);
    }

    public ModeView get(String schoolCode) {
        return QuarkusTransaction.requiringNew().call(() -> view(schoolCode, SchoolSignOffMode.findById(schoolCode)));
    }

    /** Sets the mode for revisions classified from now on; revisions already waiting keep the mode they got. */
    public ModeView set(String schoolCode, SignOffMode mode, String who) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SchoolSignOffMode m = SchoolSignOffMode.findById(schoolCode);
            if (m == null) {
                m = new SchoolSignOffMode();
                m.schoolCode = schoolCode;
            }
            m.mode = mode.name();
            m.changedBy = who;
            m.changedAt = clock.instant();
            m.persist();
            return view(schoolCode, m);
        });
    }

    private ModeView view(String schoolCode, SchoolSignOffMode m) {
        return m == null ? new ModeView(schoolCode, defaultMode, true, null, null)
                : new ModeView(schoolCode, SignOffMode.valueOf(m.mode), false, m.changedBy, m.changedAt);
    }
}
