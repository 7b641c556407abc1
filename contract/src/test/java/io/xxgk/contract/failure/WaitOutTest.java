package io.xxgk.contract.failure;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitOutTest {

    @Test
    void aTransientFailureIsRetriedUntilTheActionSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = WaitOut.transientFailures("storing", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new SQLTransientConnectionException("Connection refused", "08001");
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(4, calls.get());
    }

    @Test
    void aPermanentFailureIsThrownAtOnceWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("title too long");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> WaitOut.transientFailures("storing", () -> {
                    calls.incrementAndGet();
                    throw bad;
                }));
        assertSame(bad, thrown);
        assertEquals(1, calls.get());
    }

    @Test
    void aCheckedPermanentFailureIsWrapped() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> WaitOut.transientFailures("storing", () -> {
                    throw new SQLException("value too long", "22001");
                }));
        assertInstanceOf(SQLException.class, thrown.getCause());
    }

    @Test
    void aShutdownDuringTheWaitEndsItAndKeepsTheInterrupt() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        Thread worker = new Thread(() -> {
            try {
                WaitOut.transientFailures("storing", () -> {
                    calls.incrementAndGet();
                    throw new SQLTransientConnectionException("Connection refused", "08001");
                });
            } catch (Throwable t) {
                outcome.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        while (calls.get() < 2) {
            Thread.sleep(10);
        }
        worker.interrupt();
        worker.join(10_000);
        assertInstanceOf(WaitOut.WaitInterruptedException.class, outcome.get());
        assertTrue(stillInterrupted.get(), "the interrupt flag survives for the caller's own shutdown checks");
    }
}
