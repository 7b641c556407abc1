package io.xxgk.classify.service;

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

/** Re-sends committed review decisions the broker did not acknowledge (broker down at the time, or a crash). */
@ApplicationScoped
public class ReviewResender {

    private static final Logger LOG = Logger.getLogger(ReviewResender.class);
    /** Longer than a request's own send timeout, so that a decision being sent by its request is not sent twice. */
    static final Duration MIN_AGE = Duration.ofSeconds(60);

    private final ReviewService review;
    private final long everySeconds;
    private ScheduledExecutorService timer;

    public ReviewResender(ReviewService review,
                          @ConfigProperty(name = "xxgk.classify.review-resend-every-seconds", defaultValue = "15") long everySeconds) {
        this.review = review;
        this.everySeconds = everySeconds;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "review-resender");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::round, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    private void round() {
        try {
            int sent = review.resendUnsent(MIN_AGE);
            if (sent > 0) {
                LOG.infof("re-sent %d review decisions", sent);
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-sending review decisions failed, next round in %d s: %s", everySeconds, e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
