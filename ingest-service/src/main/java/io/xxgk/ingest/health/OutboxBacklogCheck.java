package io.xxgk.ingest.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.ingest.repository.OutboxMessage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;

/** Reports the events accepted but not yet acknowledged by Kafka (informational; always up). */
@Liveness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long unsent = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("sentAt is null"));
        return HealthCheckResponse.named("outbox").up().withData("unsent", unsent).build();
    }
}
