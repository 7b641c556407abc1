package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.repository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The size of the review queue, per school, for operators and the console. */
@ApplicationScoped
public class ReviewSummaryService {

    private final Clock clock;

    public ReviewSummaryService(Clock clock) {
        this.clock = clock;
    }

    public record Summary(long held, List<StoredDecision.HeldCount> schools, Instant checkedAt) {
    }

    public Summary summary() {
        Instant now = clock.instant();
        List<StoredDecision.HeldCount> schools = QuarkusTransaction.requiringNew().call(StoredDecision::heldBySchool);
        return new Summary(schools.stream().mapToLong(StoredDecision.HeldCount::held).sum(), schools, now);
    }
}
