package io.xxgk.classify.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.classify.service.SignOffService;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.contract.failure.Isolation;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.failure.WaitOut;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Submitted → classified, a poll at a time. Decisions are stored once per (school, item, revision) in one
 * transaction for the poll; a redelivered submission re-sends the stored decision. The classified events are
 * acknowledged by the broker before the method returns, and only then are the input offsets committed
 * (commit-strategy {@code latest}, one poll in flight). A database, broker or object-store outage is waited out
 * with the consumer paused; a record that can never be processed goes to the dead-letter topic with the reason,
 * and the others carry on.
 */
@ApplicationScoped
public class SubmittedItemProcessor {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(150);

    private final ClassificationService classification;
    private final SignOffService signOff;
    private final MeterRegistry metrics;
    private final MutinyEmitter<String> classified;
    private final DeadLetters deadLetters;

    public SubmittedItemProcessor(ClassificationService classification, SignOffService signOff, MeterRegistry metrics,
                                  @Channel(Channels.ITEMS_CLASSIFIED) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> classified,
                                  @Channel(Channels.DEAD_LETTER) MutinyEmitter<String> deadLetters) {
        this.classification = classification;
        this.signOff = signOff;
        this.metrics = metrics;
        this.classified = classified;
        this.deadLetters = new DeadLetters(deadLetters, "classify-service");
    }

    @Incoming(Channels.ITEMS_SUBMITTED)
    @Blocking
    public void process(ConsumerRecords<String, String> records) {
        List<Pending> decided = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            ItemSubmitted submitted;
            try {
                submitted = decode(r.value());
            } catch (MalformedEventException e) {
                setAside(r, e.getMessage());
                continue;
            }
            try {
                ItemClassified decision = WaitOut.transientFailures("classifying " + submitted.itemId(),
                        () -> classification.decide(submitted));
                decided.add(new Pending(r, submitted, decision));
            } catch (WaitOut.WaitInterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                setAside(r, "cannot be classified: " + DeadLetters.reasonOf(e));
            }
        }
        Map<Pending, String> events = new HashMap<>();
        List<Pending> stored = Isolation.storeAll("storing " + decided.size() + " decisions", decided,
                batch -> events.putAll(QuarkusTransaction.requiringNew().timeout(120).call(() -> storeOnce(batch))),
                (p, e) -> setAside(p.record(), "decision cannot be stored: " + DeadLetters.reasonOf(e)));
        send(stored, events);
    }

    /**
     * The stored decision wins over a new one: a redelivery (or a racing replica) re-sends what was decided first. A new
     * one is stored under its school's sign-off mode.
     */
    private Map<Pending, String> storeOnce(List<Pending> batch) {
        Map<Pending, String> events = new HashMap<>();
        for (Pending p : batch) {
            ItemSubmitted s = p.submitted();
            String event = StoredDecision.find(s.schoolCode(), s.itemId(), s.revision())
                    .map(r -> r.event)
                    .orElseGet(() -> signOff.store(p.decision(), s));
            events.put(p, event);
        }
        return events;
    }

    /** All sent at once, then awaited; a send that failed transiently is sent again until the broker takes it. */
    private void send(List<Pending> stored, Map<Pending, String> events) {
        List<ItemClassified> decisions = new ArrayList<>(stored.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(stored.size());
        for (Pending p : stored) {
            // the stored event wins over this poll's decision, so it is the one decoded and sent
            ItemClassified c = EventCodec.decode(events.get(p), ItemClassified.class);
            decisions.add(c);
            acks.add(classified.sendMessage(DecisionMessages.of(events.get(p), c)).subscribeAsCompletionStage());
        }
        for (int i = 0; i < stored.size(); i++) {
            Pending p = stored.get(i);
            ItemClassified c = decisions.get(i);
            try {
                acks.get(i).join();
            } catch (RuntimeException first) {
                try {
                    if (!TransientFailures.isTransient(first)) {
                        throw first;
                    }
                    WaitOut.transientFailures("sending the decision on " + p.submitted().itemId(),
                            () -> classified.sendMessage(DecisionMessages.of(events.get(p), c)).await().atMost(SEND_TIMEOUT));
                } catch (WaitOut.WaitInterruptedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    setAside(p.record(), "decision cannot be sent: " + DeadLetters.reasonOf(e));
                    continue;
                }
            }
            metrics.counter("xxgk.classify.decisions", "decision", c.decision().name()).increment();
        }
    }

    private static ItemSubmitted decode(String value) {
        ItemSubmitted submitted = EventCodec.decode(value, ItemSubmitted.class);
        if (submitted.itemId() == null || submitted.schoolCode() == null || submitted.revision() < 1) {
            throw new MalformedEventException("missing itemId, schoolCode or revision");
        }
        return submitted;
    }

    private void setAside(ConsumerRecord<String, String> r, String reason) {
        metrics.counter("xxgk.classify.dead-lettered").increment();
        deadLetters.send(r, reason);
    }

    /** Identity matters: the same submission twice in one poll is two pendings, each answered. */
    private record Pending(ConsumerRecord<String, String> record, ItemSubmitted submitted, ItemClassified decision) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
