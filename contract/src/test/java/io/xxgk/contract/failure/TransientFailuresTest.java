package io.xxgk.contract.failure;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void anUnreachableDatabaseDeepInTheCauseChainIsTransient() {
        var refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001", new ConnectException("refused"));
        var wrapped = new IllegalStateException("persist failed", new RuntimeException("tx", refused));
        assertTrue(TransientFailures.isTransient(wrapped));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool")));
        assertTrue(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void lockTimeoutsSerializationFailuresAndShutdownsAreTransient() {
        assertTrue(TransientFailures.isTransient(new SQLException("could not serialize", "40001")));
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock", "40P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("lock timeout", "55P03")));
        assertTrue(TransientFailures.isTransient(new SQLException("admin shutdown", "57P01")));
    }

    @Test
    void aPropertyOfTheInputIsNot() {
        assertFalse(TransientFailures.isTransient(new SQLException("value too long for type character varying(500)", "22001")));
        assertFalse(TransientFailures.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("bad")));
        assertFalse(TransientFailures.isTransient(new UncheckedIOException(new java.io.IOException("bad zip"))));
        assertFalse(TransientFailures.isTransient(null));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(b));
    }
}
