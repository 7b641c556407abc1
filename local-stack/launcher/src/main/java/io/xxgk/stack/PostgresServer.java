package io.xxgk.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server (zonky embedded binaries from Maven Central); data survives restarts. */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;
    private volatile boolean wanted;

    public PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
    }

    /**
     * Starts the server, or starts it again on the same data and port after {@link #stop()} or {@link #kill()}.
     * A server of the same data directory left running by a launcher that died is stopped first.
     */
    public synchronized PostgresServer start() {
        try {
            Files.createDirectories(dataDir);
            StaleServers.reclaimPostgres(dataDir);
            release();
            // zonky starts PostgreSQL with fsync and synchronous_commit off. synchronous_commit stays on everywhere:
            // without it a commit is acknowledged before its WAL leaves the server, and a SIGKILLed PostgreSQL (the
            // chaos tests) loses transactions it reported as committed. fsync (an OS crash) only where durable.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on");
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("full_page_writes", "on");
            }
            postgres = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.HOST)
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            wanted = true;
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + database;
    }

    /** Creates a login role and a database it owns (idempotent); password = role name for local use. */
    public void ensureDatabase(String name) {
        ensureDatabase(jdbcUrl("postgres"), "postgres", "postgres", name);
    }

    /**
     * The same on the server at {@code adminJdbcUrl}, connecting as a superuser with those credentials (the embedded
     * server's and a container's alike).
     */
    public static void ensureDatabase(String adminJdbcUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
             Statement st = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                st.execute("create role \"" + name + "\" login password '" + name + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                st.execute("create database \"" + name + "\" owner \"" + name + "\" encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The postmaster's pid, from {@code postmaster.pid}; -1 when there is none. */
    public long pid() {
        return StaleServers.readPid(dataDir.resolve("postmaster.pid")).orElse(-1L);
    }

    public boolean isRunning() {
        long pid = pid();
        return pid > 0 && ProcessControl.isAlive(pid);
    }

    /** For a {@link Supervisor}: restarted when the postmaster dies, unless stopped or killed through this class. */
    public Supervisor.Watched supervised() {
        return new Supervisor.Watched("postgres", () -> wanted, this::isRunning, () -> "exit code unknown (not a child)",
                () -> {
                    synchronized (this) {
                        if (wanted && !isRunning()) {
                            start();
                        }
                    }
                });
    }

    /** Fast shutdown (sessions are cut, committed data is safe), as an operator or a failing host would do. */
    public synchronized void stop() {
        wanted = false;
        release();
    }

    /** Crash: SIGKILL the postmaster; returns when it and its backends are gone. {@link #start()} brings it back. */
    public synchronized void kill() {
        wanted = false;
        long pid = pid();
        if (pid > 0 && ProcessControl.isAlive(pid)) {
            java.util.List<ProcessHandle> family = new java.util.ArrayList<>();
            ProcessHandle.of(pid).ifPresent(h -> {
                family.add(h);
                family.addAll(h.descendants().toList());
            });
            ProcessControl.signal(pid, "KILL");
            // the backends notice the postmaster's death and exit by themselves
            if (!ProcessControl.awaitExit(family, 20_000)) {
                family.forEach(ProcessHandle::destroyForcibly);
                ProcessControl.awaitExit(family, 10_000);
            }
        }
        release();
    }

    /** Lets go of zonky's handle (and its lock on the data directory), stopping the server if it still runs. */
    private void release() {
        if (postgres != null) {
            EmbeddedPostgres old = postgres;
            postgres = null;
            if (!isRunning()) {
                // nothing to stop, only zonky's lock on the data directory to release (it may log that pg_ctl stop failed)
                quietly(old);
                return;
            }
            long pid = pid();
            try {
                old.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL stop: " + e.getMessage());
            }
            // pg_ctl returns when postmaster.pid is gone, a moment before the process itself
            ProcessHandle.of(pid).ifPresent(h -> ProcessControl.awaitExit(java.util.List.of(h), 10_000));
        }
    }

    private static void quietly(EmbeddedPostgres old) {
        try {
            old.close();
        } catch (IOException | RuntimeException e) {
            // the server is already gone
        }
    }

    @Override
    public void close() {
        stop();
    }
}
