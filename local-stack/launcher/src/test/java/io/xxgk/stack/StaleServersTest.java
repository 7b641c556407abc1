package io.xxgk.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A launcher killed with SIGKILL: what it leaves behind is reclaimed by the next one, and nothing else is touched. */
class StaleServersTest {

    @Test
    void aPostgresLeftByAKilledLauncherIsStoppedAndTheNextStartUsesTheSameDataAndPort(@TempDir Path dir) throws Exception {
        Path pgData = dir.resolve("postgres");
        int port = Ports.free();
        ChildJvm.Started launcher = ChildJvm.start("hold-postgres", pgData.toString(), Integer.toString(port));
        long stalePid = launcher.pid();
        launcher.process().destroyForcibly();
        launcher.process().waitFor(10, TimeUnit.SECONDS);
        assertTrue(ProcessControl.isAlive(stalePid), "zonky's postmaster outlives a SIGKILLed launcher");
        assertFalse(Ports.isFree(port), "and keeps the port");

        try (PostgresServer pg = new PostgresServer(pgData, port, false).start()) {
            assertFalse(ProcessControl.isAlive(stalePid), "the stale postmaster was stopped");
            assertNotEquals(stalePid, pg.pid());
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_database where datname = 'kept'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "same data directory");
            }
        }
    }

    @Test
    void postgresCanBeKilledOrStoppedAndStartedAgainOnTheSameDataAndPort(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        try (PostgresServer pg = new PostgresServer(dir.resolve("pg"), port, false).start()) {
            pg.ensureDatabase("kept");
            long first = pg.pid();
            pg.kill();
            assertFalse(ProcessControl.isAlive(first));
            assertFalse(pg.isRunning());
            pg.start();
            long second = pg.pid();
            assertNotEquals(first, second);
            pg.stop();
            assertFalse(ProcessControl.isAlive(second));
            pg.start();
            pg.ensureDatabase("kept");
            assertTrue(pg.isRunning());
        }
    }

    @Test
    void aJvmStartedByTheLauncherStopsWhenTheLauncherIsKilled(@TempDir Path dir) throws Exception {
        ChildJvm.Started launcher = ChildJvm.start("hold-sleeper", dir.toString());
        long child = launcher.pid();
        assertTrue(ProcessControl.isAlive(child));
        assertEquals(child, StaleServers.readPid(StaleServers.pidFile(dir, "sleeper")).orElseThrow());
        launcher.process().destroyForcibly();
        assertTrue(ProcessControl.awaitExit(ProcessHandle.of(child).stream().toList(), 15_000),
                "the child watches its launcher and stops itself");
    }

    @Test
    void aStaleProcessOfThePidFileIsStoppedOnlyIfItNamesThisDataFolder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Process ours = sleeper(StaleServers.marker(data));
        Process foreign = sleeper(StaleServers.marker(dir.resolve("other")));
        try {
            StaleServers.writePid(StaleServers.pidFile(data, "ingest-service"), ours.pid());
            StaleServers.writePid(StaleServers.pidFile(data, "kafka"), foreign.pid());
            List<String> stopped = StaleServers.reclaimAll(data);
            assertEquals(List.of("ingest-service (pid " + ours.pid() + ")"), stopped);
            assertTrue(ours.waitFor(5, TimeUnit.SECONDS));
            assertTrue(foreign.isAlive(), "a process of another data folder is left alone");
            assertFalse(Files.exists(StaleServers.pidFile(data, "ingest-service")));
        } finally {
            ours.destroyForcibly();
            foreign.destroyForcibly();
        }
    }

    private static Process sleeper(String marker) throws Exception {
        return new ProcessBuilder(ChildJvm.sleeperCommand(marker)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
