package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load on ingest-service's write endpoints: at most {@code concurrency} requests outstanding, each answer
 * counted in a {@link Tally}. Requests that fail to connect or answer 5xx are retried (every write is idempotent).
 */
final class IngestLoad {

    private final Api api;

    IngestLoad(Api api) {
        this.api = api;
    }

    /** {@code n} single-item POSTs. */
    void singles(Items items, String key, int n, int concurrency, Tally tally) {
        Semaphore slots = new Semaphore(concurrency);
        for (int i = 0; i < n; i++) {
            acquire(slots, 1);
            String id = items.id(i);
            attempt(api.postItem(key, items.json(i).toString()), 3, tally).whenComplete((r, e) -> {
                tally.replied();
                if (e != null) {
                    tally.failed.incrementAndGet();
                    tally.error(id + ": " + e.getMessage());
                } else if (r.status() == 202) {
                    tally.accept(id);
                } else {
                    tally.rejected.incrementAndGet();
                    tally.error(id + ": " + r.status() + " " + Api.abbreviate(r.body()));
                }
                slots.release();
            });
        }
        drain(slots, concurrency);
    }

    /** {@code n} items in batch requests of {@code size}; each item's own result line is counted. */
    void batches(Items items, String key, int n, int size, int concurrency, Tally tally) {
        Semaphore slots = new Semaphore(concurrency);
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            acquire(slots, 1);
            int first = from;
            attempt(api.postBatch(key, items.batch(from, to)), 3, tally).whenComplete((r, e) -> {
                tally.replied();
                try {
                    if (e != null) {
                        tally.failed.addAndGet(to - first);
                        tally.error("batch " + first + ": " + e.getMessage());
                    } else if (r.status() != 200) {
                        tally.rejected.addAndGet(to - first);
                        tally.error("batch " + first + ": " + r.status() + " " + Api.abbreviate(r.body()));
                    } else {
                        for (JsonNode line : r.json().path("results")) {
                            if (line.path("status").asInt() == 202) {
                                tally.accept(line.path("id").asText());
                            } else {
                                tally.rejected.incrementAndGet();
                                tally.error(line.toString());
                            }
                        }
                    }
                } finally {
                    slots.release();
                }
            });
        }
        drain(slots, concurrency);
    }

    /** Retries a request that failed to connect or answered 5xx: every write is idempotent by id and content. */
    private CompletableFuture<Api.Reply> attempt(HttpRequest request, int attemptsLeft, Tally tally) {
        return api.sendAsync(request).handle((r, e) -> {
            boolean retry = attemptsLeft > 1 && (e != null || r.status() >= 500);
            if (!retry) {
                return e != null ? CompletableFuture.<Api.Reply>failedFuture(e) : CompletableFuture.completedFuture(r);
            }
            tally.retries.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(request, attemptsLeft - 1, tally));
        }).thenCompose(f -> f);
    }

    static void acquire(Semaphore s, int permits) {
        try {
            if (!s.tryAcquire(permits, 300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer from ingest-service for 300 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until every outstanding request has been answered. */
    static void drain(Semaphore s, int permits) {
        acquire(s, permits);
        s.release(permits);
    }
}
