package io.xxgk.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.PostgresServer;
import io.xxgk.testing.EmbeddedServers;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A measurement, not a test of the build: its name matches none of surefire's includes, so {@code verify} does not run
 * it. Run it alone:
 * <pre>./mvnw -o -q -pl ingest-service -am verify -Dtest=ChunkCommitMeasurement -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 * Only the single POSTs, with and without their commit queue:
 * <pre>./mvnw -o -q -pl ingest-service -am verify -Dtest='ChunkCommitMeasurement#singlePosts*' -Dsurefire.failIfNoSpecifiedTests=false -DskipITs [-Dmeasure.group-commit=false]</pre>
 * It prints, per phase, what the database did per item until every accepted item's outbox row was sent: commits
 * ({@code pg_stat_database.xact_commit}, read-only ones included, the measurement's own polling taken off), write
 * transactions (transaction ids used: each is one commit record to flush), WAL bytes ({@code pg_current_wal_lsn()})
 * and WAL fsyncs ({@code pg_stat_wal.wal_sync}), against a PostgreSQL with fsync on (see {@link DurablePostgres}). It asserts correctness only: every accepted item stored once, with
 * exactly one outbox row, the bad ones answered one by one. Timings are printed, never asserted.
 */
@QuarkusTest
@TestProfile(ChunkCommitMeasurement.Quiet.class)
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChunkCommitMeasurement {

    static final String DEPT = "采购与招标管理处";
    static final String SCHOOL = "xykj";

    /** Background polling off the figures (the relay is woken by each commit anyway), and a PostgreSQL that fsyncs. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // -Dmeasure.group-commit=false: single POSTs commit one by one, as before the commit queue
            return Map.of("xxgk.ops.metrics-refresh", "1h", "xxgk.outbox.poll-interval", "5s",
                    "xxgk.group-commit.enabled", System.getProperty("measure.group-commit", "true"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DurablePostgres.class));
        }
    }

    /**
     * The tests' PostgreSQL runs with fsync off (zonky's command line, which {@code ALTER SYSTEM} cannot override): it is
     * restarted on the same data and port with fsync on, as {@code ./run.sh} runs it, so that WAL fsyncs are real.
     */
    public static class DurablePostgres implements QuarkusTestResourceLifecycleManager {
        private PostgresServer durable;

        @Override
        public Map<String, String> start() {
            if (!(RealServers.stack() instanceof EmbeddedServers embedded)) {
                throw new IllegalStateException("this measurement restarts the embedded PostgreSQL: run it with xxgk.test.servers=embedded");
            }
            LocalStack stack = embedded.localStack();
            // pg_stat_statements (in zonky's binaries) counts the statements each phase executes; loaded at the restart
            serverSettingNow("shared_preload_libraries", "'pg_stat_statements'");
            stack.postgres().stop();
            durable = new PostgresServer(stack.settings().dataDir().toAbsolutePath().resolve("postgres"),
                    stack.settings().postgresPort(), true).start();
            try (Connection c = db(); Statement st = c.createStatement()) {
                st.execute("create extension if not exists pg_stat_statements");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            if (durable != null) {
                try {
                    serverSettingNow("shared_preload_libraries", "DEFAULT");
                } catch (RuntimeException e) {
                    // the next start merely loads the extension again
                }
                durable.close();
                RealServers.stack().postgres().start(); // the tests' own server again, for any test class after this one
            }
        }
    }

    private static void serverSettingNow(String name, String value) {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("alter system set " + name + " = " + value);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** -Dmeasure.rows=20000: a larger import (5,000 rows by default). */
    static final int IMPORT_ROWS = Integer.getInteger("measure.rows", 5000);

    @TestHTTPResource("/")
    URI base;

    @Test
    @Order(1)
    void bulkImportOf5000Rows() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "m-imp-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("编号,标题,信息生成日期,类别,公开渠道\n");
        int bad = 0;
        for (int i = 1; i <= IMPORT_ROWS; i++) {
            boolean wrong = i % 1000 == 0;
            bad += wrong ? 1 : 0;
            csv.append(p).append('-').append(i).append(",2025年第").append(i).append("批实验室设备采购项目招标公告,")
                    .append(wrong ? "2025-13-40" : "2025-03-05").append(",采购招标公告,学校网站\n");
        }
        int rejected = bad;
        Snapshot before = snapshot();
        String jobUrl = given().header("Authorization", auth)
                .multiPart("file", "登记表.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("statusUrl");
        String jobId = jobUrl.substring(jobUrl.lastIndexOf('/') + 1);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                polled("select count(*) from import_job where status = 'DONE' and id = '" + jobId + "'") == 1);
        long doneNanos = System.nanoTime();
        awaitOutboxDrained();
        Snapshot after = snapshot();
        given().header("Authorization", auth).get(jobUrl).then()
                .body("processed", equalTo(IMPORT_ROWS)).body("accepted", equalTo(IMPORT_ROWS - rejected)).body("rejected", equalTo(rejected));
        assertStoredOnce(p, IMPORT_ROWS - rejected);
        report("bulk import, " + IMPORT_ROWS + " rows", IMPORT_ROWS, before, after, doneNanos);
    }

    @Test
    @Order(2)
    void tenBatchesOf500() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "m-bat-" + UUID.randomUUID().toString().substring(0, 8);
        Snapshot before = snapshot();
        for (int b = 0; b < 10; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(item(p + "-" + b + "-" + i, i == 0 ? "" : "2025年第" + b + "-" + i + "号采购公告"));
            }
            given().header("Authorization", auth).contentType(Keys.JSON).body(batch).post("/api/v1/items/batch").then()
                    .statusCode(200).body("accepted", equalTo(499)).body("rejected", equalTo(1));
        }
        long doneNanos = System.nanoTime();
        awaitOutboxDrained();
        Snapshot after = snapshot();
        assertStoredOnce(p, 4990);
        report("10 batches of 500 (one invalid each)", 5000, before, after, doneNanos);
    }

    @Test
    @Order(3)
    void fourBatchesOf500WithAConflictEach() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "m-con-" + UUID.randomUUID().toString().substring(0, 8);
        for (int b = 0; b < 4; b++) {
            given().header("Authorization", auth).contentType(Keys.JSON).body(item(p + "-used-" + b, "先提交的内容"))
                    .post("/api/v1/items").then().statusCode(202);
        }
        awaitOutboxDrained();
        Snapshot before = snapshot();
        for (int b = 0; b < 4; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 499; i++) {
                batch.add(item(p + "-" + b + "-" + i, "2025年第" + b + "-" + i + "号采购公告"));
            }
            batch.add(item(p + "-used-" + b, "另一份内容"));
            given().header("Authorization", auth).contentType(Keys.JSON).body(batch).post("/api/v1/items/batch").then()
                    .statusCode(200).body("accepted", equalTo(499)).body("rejected", equalTo(1))
                    .body("results[499].status", equalTo(409));
        }
        long doneNanos = System.nanoTime();
        awaitOutboxDrained();
        Snapshot after = snapshot();
        assertStoredOnce(p, 4 * 499 + 4);
        report("4 batches of 500 (one 409 each)", 2000, before, after, doneNanos);
    }

    @Test
    @Order(4)
    void singlePostsFrom16Clients() throws Exception {
        singlePosts("single POSTs, 16 clients");
    }

    /** The same with PostgreSQL's commit_delay: a committing backend waits 1 ms when 5 others are in a transaction. */
    @Test
    @Order(5)
    void singlePostsFrom16ClientsWithCommitDelay() throws Exception {
        try {
            serverSetting("commit_delay", "1000");
            singlePosts("single POSTs, 16 clients, commit_delay 1 ms");
        } finally {
            serverSetting("commit_delay", "0");
        }
    }

    private static void serverSetting(String name, String value) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("alter system set " + name + " = " + value);
            st.execute("select pg_reload_conf()");
        }
    }

    private void singlePosts(String phase) throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "m-one-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        int n = 2000;
        Snapshot before = snapshot();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                done.add(clients.submit(() -> {
                    int ok = 0;
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        String body = "{\"id\":\"" + p + "-" + i + "\",\"schoolCode\":\"" + SCHOOL + "\",\"department\":\"" + DEPT
                                + "\",\"title\":\"2025年第" + i + "号采购公告\",\"kind\":\"PROCUREMENT_NOTICE\",\"producedDate\":\"2025-03-05\"}";
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/items"))
                                .header("Authorization", auth).header("Content-Type", Keys.JSON)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(202, r.statusCode(), r.body());
                        ok++;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : done) {
                ok += f.get();
            }
            assertEquals(n, ok);
        } finally {
            clients.shutdownNow();
        }
        long doneNanos = System.nanoTime();
        awaitOutboxDrained();
        Snapshot after = snapshot();
        assertStoredOnce(p, n);
        report(phase, n, before, after, doneNanos);
    }

    private static Map<String, Object> item(String id, String title) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("schoolCode", SCHOOL);
        m.put("department", DEPT);
        m.put("title", title);
        m.put("kind", "PROCUREMENT_NOTICE");
        m.put("producedDate", "2025-03-05");
        return m;
    }

    /** Every accepted item once, one revision, exactly one outbox event, all of them sent. */
    private static void assertStoredOnce(String prefix, int expected) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            assertEquals(expected, count(st, "select count(*) from item where item_id like '" + prefix + "-%'"));
            assertEquals(expected, count(st, "select count(*) from item_revision where item_id like '" + prefix + "-%'"));
            assertEquals(expected, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like '" + prefix + "-%'"));
            assertEquals(expected, count(st, "select count(distinct payload::jsonb->>'itemId') from outbox where payload::jsonb->>'itemId' like '"
                    + prefix + "-%'"));
            assertEquals(0, count(st, "select count(*) from outbox where sent_at is null and payload::jsonb->>'itemId' like '" + prefix + "-%'"));
        }
    }

    private static void awaitOutboxDrained() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                polled("select count(*) from outbox where sent_at is null and parked_at is null") == 0);
    }

    /** The measurement's own polling commits too; counted, and taken off the figures. */
    private static final AtomicLong OWN_COMMITS = new AtomicLong();

    private static long polled(String sql) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            OWN_COMMITS.incrementAndGet();
            return count(st, sql);
        }
    }

    record Snapshot(long nanos, long ownCommits, long commits, long xid, long walBytes, long walSyncs, long rowsInserted,
                    long rowsFetched, long statements, long insertStatements) {
    }

    /** Counters once the backends have reported them (they flush their statistics at most every second, idle ones within 10 s). */
    private static Snapshot snapshot() throws Exception {
        Thread.sleep(11_000);
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select (select xact_commit from pg_stat_database where datname = current_database()),"
                     + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
                     + " pg_current_wal_lsn() - '0/0'::pg_lsn, (select wal_sync from pg_stat_wal),"
                     + " (select tup_inserted from pg_stat_database where datname = current_database()),"
                     + " (select tup_fetched from pg_stat_database where datname = current_database()),"
                     + " (select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                     + "   where d.datname = current_database()),"
                     + " (select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                     + "   where d.datname = current_database() and s.query ilike 'insert%')")) {
            rs.next();
            return new Snapshot(System.nanoTime(), OWN_COMMITS.getAndIncrement(), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
        }
    }

    private static void report(String phase, int items, Snapshot before, Snapshot after, long doneNanos) {
        double seconds = (doneNanos - before.nanos()) / 1e9;
        long own = after.ownCommits() - before.ownCommits();
        System.out.printf("MEASURE %-40s group_commit=%s load=%s items=%d answered_in=%.1fs items/s=%.0f commits/item=%.4f write_tx/item=%.4f"
                        + " wal_bytes/item=%.0f wal_fsyncs/item=%.4f rows_inserted/item=%.2f rows_fetched/item=%.2f"
                        + " statements/item=%.3f insert_statements/item=%.3f%n",
                phase, System.getProperty("measure.group-commit", "true"), loadAverage(), items, seconds, items / seconds,
                (after.commits() - before.commits() - own) / (double) items,
                (after.xid() - before.xid()) / (double) items,
                (after.walBytes() - before.walBytes()) / (double) items,
                (after.walSyncs() - before.walSyncs()) / (double) items,
                (after.rowsInserted() - before.rowsInserted()) / (double) items,
                (after.rowsFetched() - before.rowsFetched()) / (double) items,
                (after.statements() - before.statements()) / (double) items,
                (after.insertStatements() - before.insertStatements()) / (double) items);
    }

    /** The machine's load average (1, 5, 15 min) beside each figure: it is shared, and the figures move with it. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), "postgres", "postgres");
    }
}
