package io.xxgk.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.testing.RealServersResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.xxgk.ingest.BatchTransactionTest.count;
import static io.xxgk.ingest.BatchTransactionTest.db;
import static io.xxgk.ingest.BatchTransactionTest.text;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single POSTs arriving together share commits (service.GroupCommit), and each 202 still means what it meant alone:
 * the item and its outbox row are committed when the answer arrives, carry the request's own trace, and an item the
 * shared transaction cannot take fails alone.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class GroupCommitTest {

    static final String SCHOOL = "xykj";
    static final String DEPT = "采购与招标管理处";
    static final int CLIENTS = 16;

    @TestHTTPResource("/")
    URI base;

    record Answer(String id, String traceId, int status, String body, boolean visibleRightAfter) {
    }

    @Test
    void concurrentPostsShareCommitsAndEach202IsCommittedWhenAnswered() throws Exception {
        String p = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ids.add(p + "-" + i);
        }
        List<Answer> answers = postConcurrently(ids.stream().map(id -> body(id, "2025年" + id + "号采购项目招标公告")).toList(), ids);

        for (Answer a : answers) {
            assertEquals(202, a.status(), a.id() + ": " + a.body());
            assertTrue(a.visibleRightAfter(), a.id() + ": item and outbox row readable by another connection as soon as its 202 arrived");
        }
        try (Connection c = db(); Statement st = c.createStatement()) {
            String mine = "item_id like '" + p + "-%'";
            assertEquals(64, count(st, "select count(*) from item where " + mine));
            long transactions = count(st, "select count(distinct xmin::text) from item where " + mine);
            assertTrue(transactions < 64, "64 POSTs from " + CLIENTS + " clients committed in " + transactions + " transactions");
            // each item's revision was written by the item's transaction; its outbox row carries its own request's trace
            for (Answer a : answers) {
                try (PreparedStatement ps = c.prepareStatement("select o.traceparent, r.xmin::text = i.xmin::text, o.message_key from outbox o"
                        + " join item i on i.item_id = o.payload::jsonb->>'itemId' and i.school_code = ?"
                        + " join item_revision r on r.school_code = i.school_code and r.item_id = i.item_id where i.item_id = ?")) {
                    ps.setString(1, SCHOOL);
                    ps.setString(2, a.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), "outbox row of " + a.id());
                        assertEquals(a.traceId(), TraceContexts.traceId(rs.getString(1)).orElse(null), "trace of " + a.id());
                        // (the outbox row's own xmin changes when the relay marks it sent; its presence right after the
                        // 202 is checked above)
                        assertTrue(rs.getBoolean(2), "revision of " + a.id() + " committed with its item");
                        assertEquals(SCHOOL + "/" + a.id(), rs.getString(3));
                        assertTrue(!rs.next(), "one outbox row for " + a.id());
                    }
                }
            }
        }
    }

    @Test
    void aBadItemAmongConcurrentGoodOnesFailsAlone() throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        String p = "gcb-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", auth).contentType(Keys.JSON).body(body(p + "-used", "先提交的采购公告"))
                .post("/api/v1/items").then().statusCode(202);
        try (Connection c = db(); Statement st = c.createStatement()) {
            // a refusal validation cannot foresee: a constraint of the database itself, for this id only
            st.execute("create or replace function gc_refuse_poison() returns trigger language plpgsql as $$ begin"
                    + " if new.item_id like 'poison-gcb-%' then raise exception 'refused by the test' using errcode = '23514'; end if;"
                    + " return new; end $$");
            st.execute("create trigger gc_refuse_poison before insert on item_revision for each row execute function gc_refuse_poison()");
            List<Answer> answers;
            List<String> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            try {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 13; i++) {
                        ids.add(p + "-" + round + "-" + i);
                        bodies.add(body(p + "-" + round + "-" + i, "2025年第" + round + "-" + i + "号采购公告"));
                    }
                    ids.add(p + "-used");                // 409: the id holds other content
                    bodies.add(body(p + "-used", "内容不同的另一份公告"));
                    ids.add("poison-" + p + "-" + round); // refused by the database
                    bodies.add(body("poison-" + p + "-" + round, "数据库拒绝的公告"));
                    ids.add(p + "-twice");               // the same new item twice at once: stored once, both 202
                    bodies.add(body(p + "-twice", "同时提交两次的公告"));
                }
                answers = postConcurrently(bodies, ids);
            } finally {
                st.execute("drop trigger gc_refuse_poison on item_revision");
            }
            for (Answer a : answers) {
                if (a.id().equals(p + "-used")) {
                    assertEquals(409, a.status(), a.body());
                    assertTrue(a.body().contains("\"status\":409"), "problem+json: " + a.body());
                } else if (a.id().startsWith("poison-")) {
                    assertTrue(a.status() >= 500, a.id() + " refused by the database: " + a.status() + " " + a.body());
                } else {
                    assertEquals(202, a.status(), a.id() + ": " + a.body());
                    assertTrue(a.visibleRightAfter(), a.id() + " committed when answered");
                }
            }
            assertEquals(39, count(st, "select count(*) from item where item_id like '" + p + "-_-%'"));
            assertEquals(39, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like '" + p + "-_-%'"));
            assertEquals(1, count(st, "select count(*) from item_revision where item_id = '" + p + "-twice'"));
            assertEquals(1, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' = '" + p + "-twice'"));
            assertEquals(1, count(st, "select count(*) from item_revision where item_id = '" + p + "-used'"));
            assertEquals("先提交的采购公告", text(st, "select title from item where item_id = '" + p + "-used'"));
            assertEquals(0, count(st, "select count(*) from item where item_id like 'poison-" + p + "%'"));
            assertEquals(0, count(st, "select count(*) from outbox where payload::jsonb->>'itemId' like 'poison-" + p + "%'"));
        }
    }

    /** Each body POSTed by one of {@value CLIENTS} clients, all released at once, each with a trace of its own. */
    private List<Answer> postConcurrently(List<String> bodies, List<String> ids) throws Exception {
        String auth = Keys.bearer(SCHOOL, DEPT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, Answer> answers = new ConcurrentHashMap<>();
        try (Connection observer = db()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                int n = i;
                done.add(clients.submit(() -> {
                    go.await();
                    String traceId = randomHex(16);
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/items"))
                            .header("Authorization", auth).header("Content-Type", Keys.JSON)
                            .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n))).build(), HttpResponse.BodyHandlers.ofString());
                    boolean visible = r.statusCode() == 202 && visible(observer, ids.get(n));
                    answers.put(n, new Answer(ids.get(n), traceId, r.statusCode(), r.body(), visible));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        List<Answer> inOrder = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            inOrder.add(answers.get(i));
        }
        return inOrder;
    }

    /** Read by a connection of its own, right after the answer: the item and its outbox row, committed. */
    private static boolean visible(Connection observer, String id) throws SQLException {
        synchronized (observer) {
            try (PreparedStatement ps = observer.prepareStatement("select (select count(*) from item where school_code = ? and item_id = ?),"
                    + " (select count(*) from outbox where payload::jsonb->>'itemId' = ?)")) {
                ps.setString(1, SCHOOL);
                ps.setString(2, id);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1 && rs.getLong(2) >= 1;
                }
            }
        }
    }

    private static String body(String id, String title) {
        return "{\"id\":\"" + id + "\",\"schoolCode\":\"" + SCHOOL + "\",\"department\":\"" + DEPT + "\",\"title\":\"" + title
                + "\",\"kind\":\"PROCUREMENT_NOTICE\",\"producedDate\":\"2025-03-05\"}";
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
