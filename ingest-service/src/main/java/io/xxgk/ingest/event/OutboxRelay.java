package io.xxgk.ingest.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.contract.failure.TransientFailures;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka (acks=all, idempotent producer) and settles each row by its own outcome:
 * acknowledged → sent; refused by the broker for good (too large, invalid) → parked with the reason, never sent
 * again automatically; failed transiently (broker or database unavailable, timeout) → left unsent and retried after
 * a backoff. One row never holds back the others.
 *
 * <p>Only the replica holding the {@link OutboxLease} relays. Whenever it gains the lease, and after any failure
 * that may have left acknowledged rows unmarked, it first lets {@link OutboxReconciler} mark what the broker already
 * has, so nothing is sent twice. {@link OutboxHousekeeping} deletes sent rows older than {@code xxgk.outbox.retention}. Every query is
 * bounded. One loop, retried by one Fault Tolerance {@link Guard}, waits out database and broker outages of any length.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Longer than the producer's delivery.timeout.ms: by then every send has an outcome. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(1);

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final IngestConfig config;
    private final TransactionSynchronizationRegistry txRegistry;
    private final OutboxReconciler reconciler;
    private final OutboxLease lease;
    private final OutboxHousekeeping housekeeping;
    private final Counter published;
    private final Counter parkedTotal;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Guard rounds;
    private volatile boolean running;
    private Thread thread;
    // the relay thread's own state between rounds
    private boolean active;
    private boolean otherHolderSeen;
    private volatile boolean reconcileNeeded = true;
    private long nextHousekeeping;

    /** What became of one batch. */
    public record BatchResult(int claimed, int sent, int parked, int retried, Throwable firstRetriedFailure) {
        static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0, null);
    }

    public OutboxRelay(@Channel(Channels.ITEMS_SUBMITTED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
                       EntityManager em, IngestConfig config, TransactionSynchronizationRegistry txRegistry,
                       MeterRegistry registry, OutboxReconciler reconciler, OutboxLease lease,
                       OutboxHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
        this.emitter = emitter;
        this.reconciler = reconciler;
        this.lease = lease;
        this.em = em;
        this.config = config;
        this.txRegistry = txRegistry;
        this.published = Counter.builder("xxgk.outbox.published").description("outbox events acknowledged by Kafka").register(registry);
        this.parkedTotal = Counter.builder("xxgk.outbox.refused")
                .description("outbox events the broker refused for good, parked by this replica").register(registry);
        Gauge.builder("xxgk.outbox.relay.active", lease, l -> l.held() ? 1 : 0)
                .description("1 if this replica holds the outbox relay lease").register(registry);
        this.rounds = roundsGuard(config.outbox().maxBackoff());
    }

    /**
     * The relay's retry policy, SmallRye Fault Tolerance's like every other: no attempt or time limit, capped exponential
     * backoff. Unlike {@link io.xxgk.contract.failure.WaitOut} it retries failures that are not known to be transient
     * too: a misconfiguration or an authorisation error must never park good rows, so the relay waits for the fix.
     */
    private Guard roundsGuard(Duration maxBackoff) {
        long first = 200;
        return Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(first, ChronoUnit.MILLIS)
                // replicas that failed together do not retry together
                .jitter(first / 2, ChronoUnit.MILLIS)
                .abortOn(List.of(RelayStopped.class, InterruptedException.class))
                .beforeRetry(this::beforeRetry)
                .withExponentialBackoff().factor(2).maxDelay(Math.max(first, maxBackoff.toMillis()), ChronoUnit.MILLIS).done()
                .done()
                .build();
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
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
                if (thread.isAlive()) {
                    thread.interrupt(); // waiting out a long backoff
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
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

    /** Whether this replica is the one relaying. */
    public boolean active() {
        return lease.held();
    }

    private void loop() {
        while (running) {
            try {
                rounds.call(this::round, Void.class);
            } catch (Exception e) {
                if (e instanceof InterruptedException || e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    return;
                }
                // only RelayStopped escapes the guard, which retries everything else
            }
        }
    }

    /** One round: confirm the lease, reconcile if needed, purge, relay one batch; throws so that the guard retries. */
    private Void round() throws Exception {
        if (!running) {
            throw new RelayStopped();
        }
        if (!lease.acquireOrConfirm()) {
            if (active) {
                LOG.warn("outbox relay: lease lost; another replica relays now");
            }
            active = false;
            otherHolderSeen = true;
            waitForWork(config.outbox().pollInterval().multipliedBy(2));
            return null;
        }
        if (!active) {
            if (otherHolderSeen) {
                // the previous holder may still have sends in flight; they land within the producer's delivery timeout
                LOG.infof("outbox relay: lease taken over; waiting %s for the previous holder's sends", config.outbox().takeoverGrace());
                sleep(config.outbox().takeoverGrace().toMillis());
                if (!lease.acquireOrConfirm()) {
                    return null;
                }
            }
            LOG.info("outbox relay: this replica holds the lease and relays the outbox");
            active = true;
            otherHolderSeen = false;
            reconcileNeeded = true;
        }
        if (reconcileNeeded) {
            // rows acknowledged by the broker but not marked (crash, outage, lost lease) must not be sent again
            reconciler.reconcile(config.outbox().batchSize());
            reconcileNeeded = false;
        }
        if (System.nanoTime() - nextHousekeeping >= 0) {
            housekeeping();
            nextHousekeeping = System.nanoTime() + HOUSEKEEPING_INTERVAL.toNanos();
        }
        BatchResult result = relayBatch();
        if (result.retried() > 0) {
            throw new RetryLater(result.firstRetriedFailure());
        }
        if (result.claimed() == 0) {
            waitForWork(config.outbox().pollInterval());
        }
        return null;
    }

    /** Between attempts: whatever failed may have left acknowledged rows unmarked, so reconcile first. */
    private void beforeRetry(Throwable failure) {
        reconcileNeeded = true;
        Throwable cause = failure instanceof RetryLater r && r.getCause() != null ? r.getCause() : failure;
        if (TransientFailures.isTransient(cause)) {
            LOG.warnf("outbox relay: %s; retrying with backoff", SendFailures.describe(cause));
        } else {
            LOG.errorf(cause, "outbox relay: unexpected failure; retrying with backoff");
        }
    }

    /** Sends one batch and settles every row by its own outcome. */
    public BatchResult relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) SEND_TIMEOUT.toSeconds() + 60).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxMessage> batch = em.createNativeQuery(
                            "select * from outbox where sent_at is null and parked_at is null order by id limit :n for update skip locked",
                            OutboxMessage.class)
                    .setParameter("n", config.outbox().batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return BatchResult.EMPTY;
            }
            // sent with the transaction suspended (its row locks stay held): context propagation would otherwise carry the
            // transaction onto the producer's callback threads, and a commit "with 2 threads active" fails and rolls back
            // the marking of rows the broker already has
            List<Optional<Throwable>> outcomes = QuarkusTransaction.suspendingExisting().call(() ->
                    Uni.join().all(batch.stream().map(this::sendForOutcome).toList())
                            .andFailFast().await().atMost(SEND_TIMEOUT.plusSeconds(15)));
            List<Long> sent = new ArrayList<>();
            int parkedNow = 0;
            int retried = 0;
            Throwable firstRetried = null;
            for (int i = 0; i < batch.size(); i++) {
                OutboxMessage m = batch.get(i);
                Throwable failure = outcomes.get(i).orElse(null);
                if (failure == null) {
                    sent.add(m.id);
                } else if (SendFailures.refusedForGood(failure)) {
                    park(m, failure);
                    parkedNow++;
                } else {
                    retried++;
                    if (firstRetried == null) {
                        firstRetried = failure;
                    }
                }
            }
            if (!sent.isEmpty()) {
                em.createNativeQuery("update outbox set sent_at = :now where id in (:ids)")
                        .setParameter("now", Instant.now())
                        .setParameter("ids", sent)
                        .executeUpdate();
                published.increment(sent.size());
            }
            return new BatchResult(batch.size(), sent.size(), parkedNow, retried, firstRetried);
        });
    }

    private void park(OutboxMessage m, Throwable failure) {
        String reason = SendFailures.describe(failure);
        em.createNativeQuery("update outbox set parked_at = :now, park_reason = :reason where id = :id")
                .setParameter("now", Instant.now())
                .setParameter("reason", reason)
                .setParameter("id", m.id)
                .executeUpdate();
        parkedTotal.increment();
        LOG.errorf("outbox relay: event %d (topic %s, key %s, %d characters) refused by the broker for good and parked: %s",
                m.id, m.topic, m.messageKey, m.payload.length(), reason);
    }

    private Uni<Optional<Throwable>> sendForOutcome(OutboxMessage m) {
        Uni<Void> send;
        try {
            send = send(m);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Optional.of(e));
        }
        return send.ifNoItem().after(SEND_TIMEOUT).fail()
                .onItemOrFailure().transform((ok, failure) -> Optional.ofNullable(failure));
    }

    private Uni<Void> send(OutboxMessage m) {
        RecordHeaders headers = new RecordHeaders();
        m.headers.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        headers.add(OutboxReconciler.OUTBOX_ID_HEADER, Long.toString(m.id).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(m.topic).withKey(m.messageKey).withHeaders(headers).build();
        Message<String> message = Message.of(m.payload).addMetadata(metadata);
        // the send (and the traceparent header Kafka's tracing adds) continues the trace of the request that wrote the row
        return emitter.sendMessage(TraceContexts.parent(m.traceparent).map(message::addMetadata).orElse(message));
    }

    /** Purges sent rows past the retention (the parked gauge is service.ops.OpsMetrics'). */
    private void housekeeping() {
        housekeeping.purgeSent(() -> running);
    }

    private void waitForWork(Duration max) throws InterruptedException {
        wakeUp.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
    }

    private void sleep(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        // in small steps, so that shutdown is not delayed by a long pause
        while (running && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(200, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        }
    }

    /** The service is stopping: the guard gives up instead of retrying. */
    private static final class RelayStopped extends RuntimeException {
        RelayStopped() {
            super("outbox relay stopped", null, false, false);
        }
    }

    /** Some rows of a batch failed transiently: the loop backs off before the next batch. */
    private static final class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super(cause == null ? "send failed" : cause.getMessage(), cause);
        }
    }
}
