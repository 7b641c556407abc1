package io.xxgk.ingest.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.ingest.event.OutboxLease;
import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Informational, always up: events accepted but not yet acknowledged by Kafka, events parked because the broker
 * refused them for good (the oldest few with their reason), and whether this replica is the one relaying.
 * A readiness check, not a liveness one: it reads the database, and a database outage must not get ingest restarted.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    private static final int PARKED_SHOWN = 10;

    private final OutboxLease lease;

    public OutboxBacklogCheck(OutboxLease lease) {
        this.lease = lease;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").up().withData("relayActive", lease.held());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                b.withData("unsent", OutboxMessage.countUnsent());
                b.withData("parked", OutboxMessage.countParked());
                List<OutboxMessage.Parked> parked = OutboxMessage.listParked(PARKED_SHOWN);
                for (OutboxMessage.Parked p : parked) {
                    b.withData("parked." + p.id(), p.topic() + " key=" + p.messageKey() + " chars=" + p.payloadChars()
                            + " parkedAt=" + p.parkedAt() + " reason=" + p.reason());
                }
            });
        } catch (RuntimeException e) {
            b.withData("database", "unavailable: " + e.getClass().getSimpleName());
        }
        return b.build();
    }
}
