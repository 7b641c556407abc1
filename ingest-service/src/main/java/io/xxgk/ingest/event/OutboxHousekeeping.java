package io.xxgk.ingest.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Keeps the outbox table small: deletes rows sent longer ago than {@code xxgk.outbox.retention}, in bounded batches. */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    private static final int PURGE_BATCH = 1000;
    private static final int PURGE_BATCHES_PER_ROUND = 20;

    private final EntityManager em;
    private final IngestConfig config;

    public OutboxHousekeeping(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config;
    }

    /** One round of purging, at most {@value #PURGE_BATCHES_PER_ROUND} batches, while {@code running} holds. */
    void purgeSent(BooleanSupplier running) {
        Instant cutoff = Instant.now().minus(config.outbox().retention());
        int deleted = 0;
        for (int i = 0; i < PURGE_BATCHES_PER_ROUND && running.getAsBoolean(); i++) {
            int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "delete from outbox where id in (select id from outbox where sent_at < :cutoff order by sent_at limit :n)")
                    .setParameter("cutoff", cutoff)
                    .setParameter("n", PURGE_BATCH)
                    .executeUpdate());
            deleted += n;
            if (n < PURGE_BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.infof("outbox relay: purged %d events sent before %s", deleted, cutoff);
        }
    }
}
