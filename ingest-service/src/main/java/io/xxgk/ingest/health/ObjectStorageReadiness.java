package io.xxgk.ingest.health;

import io.xxgk.ingest.storage.ObjectStorage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready only when the attachment bucket is reachable. */
@Readiness
@ApplicationScoped
public class ObjectStorageReadiness implements HealthCheck {

    private final ObjectStorage storage;

    public ObjectStorageReadiness(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ensureBucket();
            return HealthCheckResponse.named("object-storage").up().withData("bucket", storage.bucket()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("object-storage").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
