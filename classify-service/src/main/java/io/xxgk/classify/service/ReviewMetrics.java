package io.xxgk.classify.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The review queue's size for Prometheus: {@code xxgk_review_held} (all schools) and {@code xxgk_review_held_school}
 * (tag {@code school}). Read from the database every {@code xxgk.classify.metrics-refresh}, not on each scrape;
 * during a database outage the last values stay.
 */
@ApplicationScoped
public class ReviewMetrics {

    private static final Logger LOG = Logger.getLogger(ReviewMetrics.class);

    private final ReviewSummaryService summaries;
    private final Duration refreshEvery;
    private final AtomicLong held = new AtomicLong();
    private final MultiGauge bySchool;
    private ScheduledExecutorService refresher;

    public ReviewMetrics(ReviewSummaryService summaries, MeterRegistry registry,
                         @ConfigProperty(name = "xxgk.classify.metrics-refresh", defaultValue = "15s") Duration refreshEvery) {
        this.summaries = summaries;
        this.refreshEvery = refreshEvery;
        Gauge.builder("xxgk.review.held", held, AtomicLong::get)
                .description("items held for review (all schools)").register(registry);
        this.bySchool = MultiGauge.builder("xxgk.review.held.school")
                .description("items held for review, by school").register(registry);
    }

    void start(@Observes StartupEvent ev) {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "review-metrics");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void refresh() {
        try {
            ReviewSummaryService.Summary s = summaries.summary();
            held.set(s.held());
            // overwrite: a school whose queue emptied loses its series
            bySchool.register(s.schools().stream()
                    .map(c -> MultiGauge.Row.of(Tags.of("school", c.schoolCode()), c.held())).toList(), true);
        } catch (RuntimeException e) {
            LOG.debugf("review metrics: queue not readable now (%s); keeping the last values", e.toString());
        }
    }
}
