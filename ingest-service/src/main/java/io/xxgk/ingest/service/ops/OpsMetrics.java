package io.xxgk.ingest.service.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.xxgk.ingest.config.IngestConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges of the outbox for Prometheus. They are read from the database every {@code xxgk.ops.metrics-refresh}
 * rather than on each scrape, so a scrape never waits on the database; during an outage they keep their last
 * values (the oldest unsent event keeps ageing).
 */
@ApplicationScoped
public class OpsMetrics {

    private static final Logger LOG = Logger.getLogger(OpsMetrics.class);

    private final OpsSummaryService ops;
    private final Duration refreshEvery;
    private final Clock clock;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicReference<Instant> oldestUnsent = new AtomicReference<>();
    private ScheduledExecutorService refresher;

    public OpsMetrics(OpsSummaryService ops, Clock clock, MeterRegistry registry,
                      IngestConfig config) {
        this.ops = ops;
        this.refreshEvery = config.ops().metricsRefresh();
        this.clock = clock;
        Gauge.builder("xxgk.outbox.unsent", unsent, AtomicLong::get)
                .description("outbox events accepted (202) and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("xxgk.outbox.oldest.unsent.age", this, m -> OpsSummaryService.ageSeconds(m.oldestUnsent.get(), m.clock.instant()))
                .baseUnit("seconds").description("age of the oldest outbox event not yet acknowledged by Kafka (0: none)")
                .register(registry);
        Gauge.builder("xxgk.outbox.parked", parked, AtomicLong::get)
                .description("outbox events parked (refused by the broker for good), waiting for an operator").register(registry);
    }

    void start(@Observes StartupEvent ev) {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ops-metrics");
            t.setDaemon(true);
            return t;
        });
        long every = refreshEvery.toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void refresh() {
        try {
            OpsSummaryService.OutboxState s = ops.outbox();
            unsent.set(s.unsent());
            parked.set(s.parked());
            oldestUnsent.set(s.oldestUnsentAt());
        } catch (RuntimeException e) {
            LOG.debugf("ops metrics: outbox not readable now (%s); keeping the last values", e.toString());
        }
    }
}
