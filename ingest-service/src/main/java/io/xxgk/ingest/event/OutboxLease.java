package io.xxgk.ingest.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Makes the outbox relay single-active across replicas: the replica holding a PostgreSQL session-level advisory
 * lock relays, the others stand by. The lock lives on a dedicated connection (not from the pool), so it is held
 * exactly as long as that session: if the process dies, or the connection or the database goes away, PostgreSQL
 * releases it and a standby replica takes over.
 */
@ApplicationScoped
public class OutboxLease {

    /** Advisory lock key, shared by every ingest replica of one database ("xxgkobox"). */
    public static final long LOCK_KEY = 0x7878676b6f626f78L;
    /** {@code application_name} of the lease session, so that operators find it in pg_stat_activity. */
    public static final String APPLICATION_NAME = "xxgk-outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxLease.class);
    private static final int VALIDATION_TIMEOUT_S = 5;

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;
    private volatile boolean held;

    public OutboxLease(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * True if this replica holds the lease, taking it if it is free. Checks that the session holding it is still
     * alive, so a lease lost with its connection is noticed here. Throws while the database is unavailable.
     */
    public synchronized boolean acquireOrConfirm() throws SQLException {
        if (connection != null && !connection.isValid(VALIDATION_TIMEOUT_S)) {
            if (held) {
                LOG.warn("outbox relay: the session holding the relay lease is gone; the lease is lost");
            }
            close();
        }
        if (held) {
            return true;
        }
        if (connection == null) {
            connection = open();
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            rs.next();
            held = rs.getBoolean(1);
        } catch (SQLException e) {
            close();
            throw e;
        }
        return held;
    }

    /** Whether this replica relayed at its last check (for health and metrics). */
    public boolean held() {
        return held;
    }

    /** Gives the lease up (on shutdown), so that another replica takes over at once. */
    public synchronized void release() {
        close();
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url, "08001");
        }
        c.setAutoCommit(true);
        return c;
    }

    private void close() {
        held = false;
        if (connection != null) {
            try {
                connection.close(); // ends the session, which releases the lock
            } catch (SQLException e) {
                // already gone
            }
            connection = null;
        }
    }
}
