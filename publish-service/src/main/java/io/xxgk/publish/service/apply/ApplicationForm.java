package io.xxgk.publish.service.apply;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * One submission of the public application form, in the order that keeps the form safe to expose: the rate limit per
 * client address first (it counts refused submissions too), then the honeypot, the fields' rules (the same ones ingest
 * applies, {@link PublicApplication#validate()}), and only then ingest, which records
 * it. The pages turn each {@link Outcome} into HTML; nothing here knows of them.
 */
@ApplicationScoped
public class ApplicationForm {

    /** The field a person never sees and a robot fills in. */
    public static final String HONEYPOT = "homepage";

    public sealed interface Outcome {
    }

    /** Recorded by ingest: the applicant's receipt. */
    public record Received(String trackingNumber, LocalDate receivedDate, LocalDate dueDate) implements Outcome {
    }

    /** Refused for its content; each error names its field in Chinese and English. */
    public record Refused(List<FieldError> errors) implements Outcome {
    }

    /** This form (its one-time key) was already sent with other content: a fresh key makes the next one a new application. */
    public record AlreadySent() implements Outcome {
    }

    /** Over the rate limit: {@code max} submissions per {@code window} from one address; the next is allowed in {@code retryAfterSeconds}. */
    public record TooMany(long retryAfterSeconds, int max, Duration window) implements Outcome {
    }

    /** Not recorded: ingest unreachable, slow or failing. Nothing was submitted. */
    public record NotRecorded() implements Outcome {
    }

    private final ApplyConfig config;
    private final SubmissionLimiter limiter;
    private final ApplicationIntake intake;
    private final ApplicationStatus status;

    public ApplicationForm(ApplyConfig config, SubmissionLimiter limiter, ApplicationIntake intake, ApplicationStatus status) {
        this.config = config;
        this.limiter = limiter;
        this.intake = intake;
        this.status = status;
    }

    /** Whether this deployment takes applications online (ingest's address and the form's token are set). */
    public boolean offered() {
        return config.enabled();
    }

    /**
     * @param honeypot       what came in the hidden field, which must be empty
     * @param clientAddress  the address the rate limit counts
     */
    public Outcome submit(PublicApplication typed, String honeypot, String clientAddress) {
        OptionalLong wait = limiter.acquire(clientAddress);
        if (wait.isPresent()) {
            return new TooMany(wait.getAsLong(), config.rateLimit().max(), config.rateLimit().window());
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            return new Refused(List.of(new FieldError(HONEYPOT, "must-be-empty", "this field must stay empty", "“请勿填写此栏”一栏必须留空")));
        }
        List<FieldError> errors = typed.validate();
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        ApplicationIntake.Outcome outcome = intake.submit(typed);
        if (outcome instanceof ApplicationIntake.Received r) {
            return new Received(r.trackingNumber(), r.receivedDate(), status.dueDate(r.receivedDate()));
        }
        if (outcome instanceof ApplicationIntake.Refused r && r.status() == 409) {
            return new AlreadySent();
        }
        if (outcome instanceof ApplicationIntake.Refused r) {
            return new Refused(r.errors());
        }
        return new NotRecorded();
    }
}
