package io.xxgk.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.xxgk.ingest.BatchTransactionTest.count;
import static io.xxgk.ingest.BatchTransactionTest.db;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chunk (a batch request, an import chunk, a group of single POSTs) costs a few INSERT statements, not one per row:
 * statement-level triggers record each INSERT into item, item_revision, outbox and import_row_result with the rows it
 * wrote and its transaction. The bigserial ids keep their order: a later revision of an item has the larger id. And rows
 * queued for the flush point are never dropped: a transaction that would commit them unwritten fails.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ChunkStatementsTest {

    static final String SCHOOL = "xykj";
    static final String DEPT = "采购与招标管理处";
    static final List<String> TABLES = List.of("item", "item_revision", "outbox", "import_row_result");

    @TestHTTPResource("/")
    URI base;

    @Inject
    OutboxWriter outbox;

    @BeforeEach
    void countInsertStatements() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("create table if not exists cs_insert_statement (tbl text not null, xid bigint not null, n_rows int not null,"
                    + " item_id text)");
            st.execute("truncate cs_insert_statement");
            // the service writes as its own role; the triggers run as it
            st.execute("grant insert on cs_insert_statement to public");
            for (String table : TABLES) {
                String itemId = table.equals("outbox") ? "payload::jsonb->>'itemId'" : "item_id";
                st.execute("create or replace function cs_count_" + table + "() returns trigger language plpgsql as $$ begin"
                        + " insert into cs_insert_statement select '" + table + "', txid_current(), count(*), min(" + itemId + ")"
                        + " from cs_new_rows; return null; end $$");
                st.execute("drop trigger if exists cs_count on " + table);
                st.execute("create trigger cs_count after insert on " + table + " referencing new table as cs_new_rows"
                        + " for each statement execute function cs_count_" + table + "()");
            }
        }
    }

    @AfterEach
    void stopCounting() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                st.execute("drop trigger if exists cs_count on " + table);
                st.execute("drop function if exists cs_count_" + table + "()");
            }
            st.execute("drop table if exists cs_insert_statement");
        }
    }

    @Test
    void aBatchOf300ItemsIsWrittenWithAFewInsertsPerTable() throws Exception {
        String p = "cs-b-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(body(p + "-" + i, i == 7 ? "" : "2025年第" + i + "号实验室设备采购公告"));
        }
        given().header("Authorization", Keys.bearer(SCHOOL, DEPT)).contentType(Keys.JSON).body("[" + String.join(",", batch) + "]")
                .post("/api/v1/items/batch").then().statusCode(200)
                .body("accepted", equalTo(299)).body("rejected", equalTo(1)).body("results[7].status", equalTo(400));

        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String table : List.of("item", "item_revision", "outbox")) {
                assertEquals(299, count(st, "select coalesce(sum(n_rows), 0) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'"), table + " rows");
                long statements = count(st, "select count(*) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'");
                // one statement per row before; now multi-row INSERTs of up to 128 rows (Hibernate's batches of the items)
                assertTrue(statements <= 299 / 20, "299 rows into " + table + " took " + statements + " INSERT statements");
                assertEquals(1, count(st, "select count(distinct xid) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'"), "one transaction");
            }
        }
    }

    @Test
    void anImportOf600RowsIsWrittenWithAFewInsertsPerTablePerChunk() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "cs-i-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("编号,标题,信息生成日期,类别\n");
        for (int i = 1; i <= 600; i++) {
            csv.append(p).append('-').append(i).append(",2025年第").append(i).append("批设备采购项目招标公告,")
                    .append(i == 250 ? "2025-13-40" : "2025-03-05").append(",采购招标公告\n");
        }
        String jobUrl = given().header("Authorization", auth)
                .multiPart("file", "登记表.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("statusUrl");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", auth).get(jobUrl).then().body("status", equalTo("DONE")));
        given().header("Authorization", auth).get(jobUrl).then()
                .body("processed", equalTo(600)).body("accepted", equalTo(599)).body("rejected", equalTo(1));

        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                int rows = table.equals("import_row_result") ? 600 : 599;
                assertEquals(rows, count(st, "select coalesce(sum(n_rows), 0) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'"), table + " rows");
                long statements = count(st, "select count(*) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'");
                // two chunks (500 + 100 rows); one statement per row before
                assertTrue(statements <= rows / 20, rows + " rows into " + table + " took " + statements + " INSERT statements");
                assertEquals(2, count(st, "select count(distinct xid) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%'"), "one transaction per chunk");
            }
        }
    }

    @Test
    void aGroupOfSinglePostsIsWrittenWithAFewInsertsPerTable() throws Exception {
        String p = "cs-g-" + UUID.randomUUID().toString().substring(0, 8);
        int n = 48;
        String auth = Keys.bearer(SCHOOL, DEPT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String body = body(p + "-" + i, "2025年第" + i + "号采购公告");
                answers.add(clients.submit(() -> {
                    go.await();
                    return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/items")).header("Authorization", auth)
                            .header("Content-Type", Keys.JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : answers) {
                assertEquals(202, f.get().statusCode(), f.get().body());
            }
        } finally {
            clients.shutdownNow();
        }
        try (Connection c = db(); Statement st = c.createStatement()) {
            long transactions = count(st, "select count(distinct xid) from cs_insert_statement where tbl = 'item_revision'"
                    + " and item_id like '" + p + "-%'");
            assertTrue(transactions < n, n + " POSTs from 16 clients committed in " + transactions + " transactions");
            for (String table : List.of("item", "item_revision", "outbox")) {
                long rows = 0;
                long statements = 0;
                try (ResultSet rs = st.executeQuery("select count(*), sum(n_rows) from cs_insert_statement where tbl = '" + table
                        + "' and item_id like '" + p + "-%' group by xid")) {
                    while (rs.next()) {
                        int s = rs.getInt(1);
                        int k = rs.getInt(2);
                        // a group (at most 64 items) is one batch per table, sent as multi-row INSERTs of 2^i rows
                        assertTrue(s <= 32 - Integer.numberOfLeadingZeros(k), table + ": " + k + " rows of one transaction in " + s
                                + " INSERT statements");
                        rows += k;
                        statements += s;
                    }
                }
                assertEquals(n, rows, table + " rows");
                // one statement per row before
                assertTrue(statements < n, table + ": " + n + " rows in " + transactions + " transactions took " + statements
                        + " INSERT statements");
            }
        }
    }

    @Test
    void successiveRevisionsOfAnItemGetIncreasingIds() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "cs-r-" + UUID.randomUUID().toString().substring(0, 8);
        // revision 1 of the items in a batch, revision 2 of one of them alone, 3 in a later batch, then the withdrawal
        given().header("Authorization", auth).contentType(Keys.JSON)
                .body("[" + body(p + "-a", "第一版公告") + "," + body(p + "-b", "另一条公告") + "]")
                .post("/api/v1/items/batch").then().statusCode(200).body("accepted", equalTo(2));
        given().header("Authorization", auth).contentType(Keys.JSON).body(body(p + "-a", "第二版公告"))
                .put("/api/v1/items/" + p + "-a").then().statusCode(202).body("revision", equalTo(2));
        given().header("Authorization", auth).contentType(Keys.JSON).body(body(p + "-a", "第三版公告"))
                .put("/api/v1/items/" + p + "-a").then().statusCode(202).body("revision", equalTo(3));
        given().header("Authorization", auth).contentType(Keys.JSON).body(Map.of("reason", "信息有误，撤回"))
                .post("/api/v1/items/" + p + "-a/withdrawal").then().statusCode(202).body("revision", equalTo(4));

        try (Connection c = db()) {
            assertIncreasing(c, "select id from item_revision where school_code = ? and item_id = ? order by revision", p + "-a");
            assertIncreasing(c, "select id from outbox where message_key = ? || '/' || ? order by (payload::jsonb->>'revision')::int",
                    p + "-a");
        }
    }

    /** Rows queued for the flush point are never dropped silently: a transaction that commits without flushing fails. */
    @Test
    void aTransactionThatWouldCommitQueuedRowsUnwrittenFails() throws Exception {
        String id = "cs-u-" + UUID.randomUUID().toString().substring(0, 8);
        ItemSubmitted event = ItemSubmitted.builder().itemId(id).revision(1).action(ItemAction.SUBMIT).schoolCode(SCHOOL)
                .department(DEPT).title("未写入的公告").kind(ItemKind.PROCUREMENT_NOTICE).submittedAt(Instant.now()).build();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> outbox.append(event)));
        try (Connection c = db(); Statement st = c.createStatement()) {
            assertEquals(0, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' = '" + id + "'"));
        }
    }

    /** The ids of revisions 1..4, in revision order, strictly increase. */
    private static void assertIncreasing(Connection c, String sql, String itemId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, SCHOOL);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        assertEquals(4, ids.size(), sql + ": " + ids);
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids of successive revisions increase: " + ids);
        }
    }

    private static String body(String id, String title) {
        return "{\"id\":\"" + id + "\",\"schoolCode\":\"" + SCHOOL + "\",\"department\":\"" + DEPT + "\",\"title\":\"" + title
                + "\",\"kind\":\"PROCUREMENT_NOTICE\",\"producedDate\":\"2025-03-05\"}";
    }
}
