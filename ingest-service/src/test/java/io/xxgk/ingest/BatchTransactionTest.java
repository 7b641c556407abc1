package io.xxgk.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch and an import chunk are written in one transaction (items, revisions, outbox rows, an import's row results),
 * and still answer item by item: PostgreSQL's {@code xmin} tells which transaction wrote each row.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class BatchTransactionTest {

    static final String SCHOOL = "xykj";
    static final String DEPT = "采购与招标管理处";

    @Test
    void aBatchWithAConflictAReplayAndAnInvalidItemStoresTheRestInOneTransaction() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "bt-" + UUID.randomUUID();
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(p + "-used", "先提交的采购公告"))
                .post("/api/v1/items").then().statusCode(202);
        given().header("Authorization", auth).contentType(Keys.JSON).body(item(p + "-same", "已受理的采购公告"))
                .post("/api/v1/items").then().statusCode(202);

        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(item(p + "-1", "实训室设备采购项目招标公告"));
        batch.add(item(p + "-2", "学生公寓家具采购项目中标结果公告"));
        batch.add(item(p + "-used", "内容不同的另一份公告"));
        batch.add(item(p + "-same", "已受理的采购公告"));
        batch.add(item(p + "-bad", ""));
        batch.add(item(p + "-3", "图书馆数据库采购项目公告"));
        given().header("Authorization", auth).contentType(Keys.JSON).body(batch).post("/api/v1/items/batch").then()
                .statusCode(200).body("accepted", equalTo(4)).body("rejected", equalTo(2))
                .body("results[0].status", equalTo(202)).body("results[0].result.revision", equalTo(1))
                .body("results[2].status", equalTo(409)).body("results[2].problem.status", equalTo(409))
                .body("results[3].status", equalTo(202)).body("results[3].result.revision", equalTo(1))
                .body("results[4].status", equalTo(400))
                .body("results[5].status", equalTo(202));

        try (Connection c = db(); Statement st = c.createStatement()) {
            String news = "item_id in ('" + p + "-1', '" + p + "-2', '" + p + "-3')";
            assertEquals(3, count(st, "select count(*) from item_revision where " + news));
            assertEquals(1, count(st, "select count(distinct xmin::text) from item_revision where " + news),
                    "the new items of the batch were written by one transaction");
            assertEquals(1, count(st, "select count(*) from item_revision where item_id = '" + p + "-used'"));
            assertEquals("先提交的采购公告", text(st, "select title from item where item_id = '" + p + "-used'"));
            assertEquals(0, count(st, "select count(*) from item where item_id = '" + p + "-bad'"));
            // one event per stored item, none for the replay or the refused ones
            assertEquals(5, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like '" + p + "-%'"));
            assertEquals(5, count(st, "select count(distinct payload::jsonb->>'itemId') from outbox where payload::jsonb->>'itemId' like '"
                    + p + "-%'"));
        }
    }

    @Test
    void anImportChunkStoresItemsAndRowResultsInOneTransaction() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "bti-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "编号,标题,信息生成日期,类别\n"
                + p + "-1,2025年实训室设备采购项目招标公告,2025-03-05,采购招标公告\n"
                + p + "-2,学生公寓家具采购项目中标结果公告,2025-04-10,中标结果\n"
                + p + "-3,日期写错的公告,2025-13-40,采购招标公告\n"
                + p + "-4,图书馆数据库采购项目公告,2025-05-06,采购招标公告\n";
        String jobUrl = importCsv(auth, csv);
        given().header("Authorization", auth).get(jobUrl).then()
                .body("processed", equalTo(4)).body("accepted", equalTo(3)).body("rejected", equalTo(1))
                .body("rows[2].status", equalTo(400));
        String jobId = jobUrl.substring(jobUrl.lastIndexOf('/') + 1);
        try (Connection c = db(); Statement st = c.createStatement()) {
            assertEquals(4, count(st, "select count(*) from import_row_result where job_id = '" + jobId + "'"));
            assertEquals(1, count(st, "select count(distinct x) from ("
                    + " select xmin::text x from item_revision where item_id like '" + p + "-%'"
                    + " union all select xmin::text from import_row_result where job_id = '" + jobId + "') t"),
                    "items, revisions and row results of the chunk were written by one transaction");
            assertEquals(3, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like '" + p + "-%'"));
        }
    }

    @Test
    void anItemTheDatabaseRefusesIsAnsweredAloneAndTheOthersAreKept() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "btp-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = db(); Statement st = c.createStatement()) {
            // a refusal that validation cannot foresee: a constraint of the database itself, for these ids only
            st.execute("create or replace function bt_refuse_poison() returns trigger language plpgsql as $$ begin"
                    + " if new.item_id like 'poison-%' then raise exception 'refused by the test' using errcode = '23514'; end if;"
                    + " return new; end $$");
            st.execute("create trigger bt_refuse_poison before insert on item_revision for each row execute function bt_refuse_poison()");
            try {
                List<Map<String, Object>> batch = new ArrayList<>();
                batch.add(item(p + "-1", "实训室设备采购项目招标公告"));
                batch.add(item("poison-" + p, "数据库拒绝的公告"));
                batch.add(item(p + "-2", "学生公寓家具采购项目中标结果公告"));
                given().header("Authorization", auth).contentType(Keys.JSON).body(batch).post("/api/v1/items/batch").then()
                        .statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                        .body("results[0].status", equalTo(202))
                        .body("results[1].status", equalTo(500)).body("results[1].problem.status", equalTo(500))
                        .body("results[2].status", equalTo(202));

                String csv = "编号,标题,信息生成日期,类别\n"
                        + p + "-3,图书馆数据库采购项目公告,2025-05-06,采购招标公告\n"
                        + "poison-" + p + "-r,数据库拒绝的公告,2025-05-06,采购招标公告\n"
                        + p + "-4,教学楼维修工程招标公告,2025-05-07,采购招标公告\n";
                String jobUrl = importCsv(auth, csv);
                given().header("Authorization", auth).get(jobUrl).then()
                        .body("processed", equalTo(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                        .body("rows[1].status", equalTo(500));
            } finally {
                st.execute("drop trigger bt_refuse_poison on item_revision");
            }
            for (String id : List.of(p + "-1", p + "-2", p + "-3", p + "-4")) {
                assertEquals(1, count(st, "select count(*) from item where item_id = '" + id + "'"), id);
                assertEquals(1, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' = '" + id + "'"), id);
            }
            assertEquals(0, count(st, "select count(*) from item where item_id like 'poison-" + p + "%'"));
            assertEquals(0, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like 'poison-" + p + "%'"));
        }
    }

    private static String importCsv(String auth, String csv) {
        String jobUrl = given().header("Authorization", auth)
                .multiPart("file", "登记表.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("statusUrl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", auth).get(jobUrl).then().body("status", equalTo("DONE")));
        return jobUrl;
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

    static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A connection to ingest's database beside the service's own. */
    static Connection db() throws SQLException {
        return DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), "postgres", "postgres");
    }
}
