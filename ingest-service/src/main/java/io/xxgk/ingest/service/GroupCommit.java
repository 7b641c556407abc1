package io.xxgk.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.service.ItemIntakeService.Accepted;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for single POSTs. Each request is checked on its own thread (validation, rights, attachments), then
 * queued; a committer thread takes whatever is queued (up to {@code xxgk.group-commit.max-items}) and stores it
 * in <b>one transaction</b>, items and outbox rows together. Each request is answered only after that commit, so a
 * 202 means durable exactly as before; nothing waits for company: an item alone is committed at once, and items
 * gather only while an earlier group is being flushed. So with 16 clients, one WAL flush serves many items.
 * <p>
 * Per-item answers are those of a transaction of its own: an item refused there (an id already used for other
 * content, an event too large) writes nothing and is answered with its problem, the others are kept. If the database
 * refuses the shared transaction for good (two requests for the same new id, a race with another writer), the group
 * falls back to one transaction per item, as a batch does. A transient failure (database unavailable) reaches each
 * request of the group, which answers 503. Each outbox row keeps its own request's trace context.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Pending(ItemRequest request, String hash, Context trace, CompletableFuture<Accepted> answer) {
    }

    private final ItemIntakeService intake;
    private final IngestConfig.GroupCommit config;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private final Counter fallbacks;
    private volatile boolean stopping;

    public GroupCommit(ItemIntakeService intake, IngestConfig config, MeterRegistry metrics) {
        this.intake = intake;
        this.config = config.groupCommit();
        this.groupSizes = DistributionSummary.builder("xxgk.items.group.commit.size")
                .description("single POSTs stored per shared transaction").register(metrics);
        this.fallbacks = Counter.builder("xxgk.items.group.commit.fallbacks")
                .description("groups the database refused as a whole, stored one item per transaction").register(metrics);
    }

    public Accepted submit(Caller caller, ItemRequest request) {
        intake.check(caller, request);
        String hash = ItemIntakeService.contentHash(request);
        if (!config.enabled() || stopping) {
            return intake.inTransactionRetryingIdRace(() -> intake.store(request, hash));
        }
        Pending p = new Pending(request, hash, Context.current(), new CompletableFuture<>());
        startCommitters();
        queue.add(p);
        if (stopping && queue.remove(p)) {
            // the committers may have finished their last round: commit on this thread
            return intake.inTransactionRetryingIdRace(() -> intake.store(request, hash));
        }
        try {
            return p.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the item was being stored", e);
        }
    }

    private synchronized void startCommitters() {
        if (!committers.isEmpty() || stopping) {
            return;
        }
        for (int i = 0; i < Math.max(1, config.committers()); i++) {
            Thread t = new Thread(this::run, "ingest-group-commit-" + i);
            t.setDaemon(true);
            committers.add(t);
            t.start();
        }
    }

    /** Lets the committers finish what is queued; a request arriving now commits on its own thread. */
    @PreDestroy
    void stop() {
        List<Thread> threads;
        synchronized (this) {
            stopping = true;
            threads = List.copyOf(committers);
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        int max = Math.max(1, config.maxItems());
        while (!stopping || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            List<Pending> group = new ArrayList<>(Math.min(max, 16));
            group.add(first);
            queue.drainTo(group, max - 1);
            try {
                commit(group);
            } catch (Throwable t) {
                // never leave a request waiting
                group.forEach(p -> p.answer().completeExceptionally(t));
            }
        }
    }

    private void commit(List<Pending> group) {
        groupSizes.record(group.size());
        if (group.size() > 1 && distinctIds(group)) {
            try {
                List<Object> outcomes = QuarkusTransaction.requiringNew().call(() -> storeTogether(group));
                List<Accepted> accepted = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    if (outcomes.get(i) instanceof Accepted a) {
                        accepted.add(a);
                    }
                }
                intake.count(accepted);
                for (int i = 0; i < group.size(); i++) {
                    Object o = outcomes.get(i);
                    if (o instanceof Accepted a) {
                        group.get(i).answer().complete(a);
                    } else {
                        group.get(i).answer().completeExceptionally((ProblemException) o);
                    }
                }
                return;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    group.forEach(p -> p.answer().completeExceptionally(e));
                    return;
                }
                fallbacks.increment();
                LOG.debugf(e, "a group of %d single POSTs was refused as a whole; storing them one by one", group.size());
            }
        }
        for (Pending p : group) {
            try (Scope ignored = p.trace().makeCurrent()) {
                p.answer().complete(intake.inTransactionRetryingIdRace(() -> intake.store(p.request(), p.hash())));
            } catch (RuntimeException e) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    /**
     * Inside the shared transaction: each item as {@link ItemIntakeService#store} stores it alone (which ids exist is
     * asked once per school), with its own request's trace as the current context so that its outbox row carries it.
     * Flushed at the end (items, revisions and outbox rows in one batch per table) so that the database's refusal arrives
     * here, not at commit.
     */
    private List<Object> storeTogether(List<Pending> group) {
        Map<String, List<String>> idsBySchool = new HashMap<>();
        group.forEach(p -> idsBySchool.computeIfAbsent(p.request().schoolCode(), s -> new ArrayList<>()).add(p.request().id()));
        Map<String, Set<String>> existing = new HashMap<>();
        idsBySchool.forEach((school, ids) -> existing.put(school, Item.existingIds(school, ids)));
        List<Object> outcomes = new ArrayList<>(group.size());
        for (Pending p : group) {
            ItemRequest r = p.request();
            try (Scope ignored = p.trace().makeCurrent()) {
                outcomes.add(intake.store(r, p.hash(), existing.get(r.schoolCode()).contains(r.id())));
            } catch (ProblemException e) {
                outcomes.add(e);
            }
        }
        intake.flush();
        return outcomes;
    }

    private static boolean distinctIds(List<Pending> group) {
        Set<String> seen = new HashSet<>();
        for (Pending p : group) {
            if (!seen.add(p.request().schoolCode() + '/' + p.request().id())) {
                return false;
            }
        }
        return true;
    }
}
