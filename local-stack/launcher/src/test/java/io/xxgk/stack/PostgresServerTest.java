package io.xxgk.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ./run.sh's database fsyncs its commits; the tests' throw-away databases need not. */
class PostgresServerTest {

    static String show(PostgresServer pg, String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void durableServerSyncsCommitsToDisk(@TempDir Path dir) throws Exception {
        try (PostgresServer pg = new PostgresServer(dir.resolve("durable"), Ports.free(), true).start()) {
            assertEquals("on", show(pg, "fsync"));
            assertEquals("on", show(pg, "synchronous_commit"));
            assertEquals("UTF8", show(pg, "server_encoding"));
            pg.ensureDatabase("ingest");
            pg.ensureDatabase("ingest"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("ingest"), "ingest", "ingest");
                 ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
                rs.next();
                assertEquals("ingest", rs.getString(1));
            }
        }
    }

    @Test
    void testServersSkipFsyncButNeverAcknowledgeACommitBeforeItsWalIsWritten(@TempDir Path dir) throws Exception {
        try (PostgresServer pg = new PostgresServer(dir.resolve("fast"), Ports.free(), false).start()) {
            assertEquals("off", show(pg, "fsync"));
            // a SIGKILLed server (the chaos tests) must not lose what it reported as committed
            assertEquals("on", show(pg, "synchronous_commit"));
        }
    }
}
