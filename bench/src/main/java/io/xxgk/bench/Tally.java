package io.xxgk.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What ingest-service answered to the load of one phase; updated from the HTTP client's threads. */
final class Tally {

    /** How many of the last accepted items are watched to tell that a phase is complete. */
    static final int TAIL = 20;

    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicLong lastReply = new AtomicLong();
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    /** The last accepted ids, in the order their 202 arrived: the tail whose visibility ends the phase. */
    private final ArrayDeque<String> tail = new ArrayDeque<>();

    void accept(String id) {
        accepted.incrementAndGet();
        ids.add(id);
        synchronized (tail) {
            tail.addLast(id);
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
        }
    }

    /** For a load that learns its accepted ids only at the end (the import job). */
    void addToTail(String id) {
        synchronized (tail) {
            tail.addLast(id);
        }
    }

    List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    /** Keeps the first five errors, as examples for the console. */
    void error(String e) {
        if (errors.size() < 5) {
            errors.add(e);
        }
    }

    void replied() {
        lastReply.accumulateAndGet(System.nanoTime(), Math::max);
    }
}
