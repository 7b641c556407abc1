package io.xxgk.ingest.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka and marks them sent only after the broker acknowledged them (acks=all,
 * idempotent producer). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several ingest replicas can
 * relay side by side. A crash between the ack and the commit would send a row again; {@link OutboxReconciler}
 * finds such rows on the topic at start-up, and consumers dedupe by (item id, revision) in any case.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "items-submitted";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final IngestConfig config;
    private final TransactionSynchronizationRegistry txRegistry;
    private final OutboxReconciler reconciler;
    private final Counter published;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
                       EntityManager em, IngestConfig config, TransactionSynchronizationRegistry txRegistry,
                       MeterRegistry registry, OutboxReconciler reconciler) {
        this.emitter = emitter;
        this.reconciler = reconciler;
        this.em = em;
        this.config = config;
        this.txRegistry = txRegistry;
        this.published = Counter.builder("xxgk.outbox.published").description("outbox events acknowledged by Kafka").register(registry);
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wakeUp.release();
    }

    /** Called inside the writing transaction: the relay runs as soon as the rows are visible. */
    void wakeUpAfterCommit() {
        txRegistry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp.release();
                }
            }
        });
    }

    private void loop() {
        boolean reconciled = false;
        while (running) {
            try {
                if (!reconciled) {
                    // sends after a crash must not repeat what the broker already has
                    reconciler.reconcile(config.outbox().batchSize());
                    reconciled = true;
                }
                wakeUp.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && relayBatch() > 0) {
                    // keep draining while there is a backlog
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay: %s; retrying", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    /** Sends one batch; returns how many rows were marked sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxMessage> batch = em.createNativeQuery(
                            "select * from outbox where sent_at is null order by id limit :n for update skip locked",
                            OutboxMessage.class)
                    .setParameter("n", config.outbox().batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Uni<Void>> acks = batch.stream().map(this::send).toList();
            Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(90));
            Instant now = Instant.now();
            em.createQuery("update OutboxMessage o set o.sentAt = :now where o.id in :ids")
                    .setParameter("now", now)
                    .setParameter("ids", batch.stream().map(m -> m.id).toList())
                    .executeUpdate();
            published.increment(batch.size());
            return batch.size();
        });
    }

    private Uni<Void> send(OutboxMessage m) {
        RecordHeaders headers = new RecordHeaders();
        m.headers.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        headers.add(OutboxReconciler.OUTBOX_ID_HEADER, Long.toString(m.id).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(m.topic).withKey(m.messageKey).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(m.payload).addMetadata(metadata));
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
