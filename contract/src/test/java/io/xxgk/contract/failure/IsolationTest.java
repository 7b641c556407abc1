package io.xxgk.contract.failure;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IsolationTest {

    @Test
    void oneUnstorableRecordIsSetAsideAndTheOthersAreStored() {
        List<String> stored = new ArrayList<>();
        List<String> asideReasons = new ArrayList<>();
        List<String> result = Isolation.storeAll("test", List.of("a", "bad", "c"), batch -> {
            if (batch.contains("bad")) {
                throw new IllegalStateException("value too long", new SQLException("too long", "22001"));
            }
            stored.addAll(batch);
        }, (record, e) -> asideReasons.add(record + ": " + DeadLetters.reasonOf(e)));
        assertEquals(List.of("a", "c"), stored);
        assertEquals(List.of("a", "c"), result);
        assertEquals(List.of("bad: SQLException: too long"), asideReasons);
    }

    @Test
    void aTransientFailureIsWaitedOutNotSetAside() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> stored = new ArrayList<>();
        List<String> aside = new ArrayList<>();
        Isolation.storeAll("test", List.of("a", "b"), batch -> {
            if (attempts.incrementAndGet() < 4) {
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
            stored.addAll(batch);
        }, (record, e) -> aside.add(record));
        assertEquals(List.of("a", "b"), stored);
        assertEquals(List.of(), aside);
        assertEquals(4, attempts.get(), "the whole batch is retried, in one transaction");
    }
}
