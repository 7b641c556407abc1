package io.xxgk.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators watch in ingest, after real actions against the real PostgreSQL and Kafka: the outbox gauges and
 * the ops summary, the dead-letter counter, Kafka consumer lag, and every school's import jobs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpsObservabilityTest {

    @Test
    void aBacklogTheRelayCannotSendShowsInTheGaugesAndTheSummaryAndDrainsAfterwards() throws Exception {
        double parkedBefore = awaitMetric("xxgk_outbox_parked", v -> true);
        try (Connection admin = db("postgres"); Connection otherReplica = db("ingest")) {
            OutboxRelayTest.takeLeaseFromTheService(admin, otherReplica);
            try (Connection c = db("ingest")) {
                for (int i = 0; i < 3; i++) {
                    insert(c, "now() - interval '90 seconds'", null);
                }
                insert(c, "now()", "now()");
            }
            // three unsent rows (the oldest 90 s old), one more parked
            assertEquals(3, awaitMetric("xxgk_outbox_unsent", v -> v == 3));
            assertTrue(awaitMetric("xxgk_outbox_oldest_unsent_age_seconds", v -> v >= 90) < 200);
            assertEquals(parkedBefore + 1, awaitMetric("xxgk_outbox_parked", v -> v == parkedBefore + 1));
            given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/ops/summary").then().statusCode(200)
                    .body("unsent", equalTo(3)).body("oldestUnsentAgeSeconds", greaterThanOrEqualTo(90))
                    .body("oldestUnsentAt", notNullValue()).body("parked", equalTo((int) parkedBefore + 1))
                    .body("relayActive", equalTo(false));
        } // the other replica's session ends; the service takes the lease again and sends the rows
        assertEquals(0, awaitMetric("xxgk_outbox_unsent", v -> v == 0));
        assertEquals(0, awaitMetric("xxgk_outbox_oldest_unsent_age_seconds", v -> v == 0));
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().header("Authorization", "Bearer " + Keys.ADMIN)
                .get("/api/v1/admin/ops/summary").then().statusCode(200).body("unsent", equalTo(0))
                .body("oldestUnsentAgeSeconds", equalTo(0)).body("relayActive", equalTo(true)));
        // an operator key may read it, a department may not
        given().header("Authorization", "Bearer " + operatorKey()).get("/api/v1/admin/ops/summary").then().statusCode(200);
        given().header("Authorization", Keys.bearer("zzsz", "招生就业处")).get("/api/v1/admin/ops/summary").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().get("/api/v1/admin/ops/summary").then().statusCode(401).contentType(containsString("application/problem+json"));
    }

    @Test
    void aPoisonMessageIsCountedAsDeadLetteredAndConsumerLagIsExported() throws Exception {
        String counter = "xxgk_dead_lettered_total{channel=\"items-classified-status\"}";
        double before = metric(counter);
        try (KafkaProducer<String, String> p = producer()) {
            p.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, "zzsz", "{not json")).get(30, TimeUnit.SECONDS);
        }
        assertEquals(before + 1, awaitMetric(counter, v -> v == before + 1));
        // Kafka's own consumer metrics are bound (lag per consumer, as the client computes it)
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertTrue(scrape().lines().anyMatch(l ->
                l.startsWith("kafka_consumer_fetch_manager_records_lag_max{") && l.contains("items-classified-status")), "lag metric"));
    }

    @Test
    void operatorsSeeTheImportsOfEverySchoolNewestFirstWithTheirRowErrors() {
        String p = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String first = upload(Keys.bearer("xykj", "后勤处"), p + "-a", 2);
        String second = upload(Keys.bearer("zzsz", "招生就业处"), p + "-b", 1);
        for (String url : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", "Bearer " + Keys.ADMIN)
                    .get(url).then().statusCode(200).body("status", equalTo("DONE")));
        }
        Map<String, Object> page = given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/imports?limit=2")
                .then().statusCode(200).contentType(containsString("application/json")).extract().jsonPath().getMap("");
        List<Map<String, Object>> imports = (List<Map<String, Object>>) page.get("imports");
        assertTrue(((Number) page.get("total")).intValue() >= 2);
        assertEquals(2, imports.size());
        assertEquals(second, imports.get(0).get("statusUrl"), "newest first");
        assertEquals(first, imports.get(1).get("statusUrl"));
        Map<String, Object> b = imports.get(0);
        assertEquals("zzsz", b.get("schoolCode"));
        assertEquals("招生就业处", b.get("department"));
        assertEquals("登记表-" + p + "-b.csv", b.get("fileName"));
        assertEquals("DONE", b.get("status"));
        assertEquals(List.of(2, 1, 1, 2), List.of(b.get("processed"), b.get("accepted"), b.get("rejected"), b.get("totalRows")));
        Map<String, Object> a = imports.get(1);
        assertEquals("xykj", a.get("schoolCode"));
        assertEquals(List.of(3, 2, 1), List.of(a.get("processed"), a.get("accepted"), a.get("rejected")));
        // the per-row errors of another school's import, for the admin token and an operator key
        for (String auth : List.of("Bearer " + Keys.ADMIN, "Bearer " + operatorKey())) {
            given().header("Authorization", auth).get(first + "?onlyRejected=true").then().statusCode(200)
                    .body("rows.size()", equalTo(1)).body("rows[0].status", equalTo(400))
                    .body("rows[0].problem.errors.field", hasItem("producedDate"));
        }
        given().header("Authorization", "Bearer " + operatorKey()).get("/api/v1/admin/imports?offset=1&limit=1").then()
                .statusCode(200).body("imports[0].statusUrl", equalTo(first)).body("offset", equalTo(1)).body("limit", equalTo(1));
        given().header("Authorization", Keys.bearer("zzsz", "招生就业处")).get("/api/v1/admin/imports").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/imports?limit=abc").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/imports?offset=-1").then().statusCode(400)
                .body("errors[0].field", equalTo("offset"));
    }

    /** A register of {@code good} valid rows and one with an impossible date; answers the job's status URL. */
    private static String upload(String auth, String p, int good) {
        StringBuilder csv = new StringBuilder("编号,标题,信息生成日期,类别,公开渠道,清单事项\n");
        for (int i = 1; i <= good; i++) {
            csv.append(p).append('-').append(i).append(",2025年实训室设备采购项目招标公告").append(i).append(",2025年3月5日,采购招标公告,学校网站,18\n");
        }
        csv.append(p).append("-bad,日期写错的公告,2025-13-40,采购招标公告,学校网站,\n");
        return AttachmentAndImportTest.utf8Multipart().header("Authorization", auth)
                .multiPart("file", "登记表-" + p + ".csv", csv.toString().getBytes(Charset.forName("GB18030")), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("statusUrl");
    }

    private static String operatorKey;

    private static synchronized String operatorKey() {
        if (operatorKey == null) {
            operatorKey = given().header("Authorization", "Bearer " + Keys.ADMIN).contentType(Keys.JSON)
                    .body(Map.of("role", "OPERATOR", "label", "ops test")).post("/api/v1/admin/api-keys")
                    .then().statusCode(201).extract().path("key");
        }
        return operatorKey;
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series ({@code name} or {@code name{labels}}), NaN when absent. */
    static double metric(String series) {
        return scrape().lines().filter(l -> l.startsWith(series + " ") || (!series.contains("{") && l.startsWith(series + "{")))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1).trim())).findFirst().orElse(0);
    }

    static double awaitMetric(String series, java.util.function.DoublePredicate until) {
        double[] last = new double[1];
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = metric(series);
            assertTrue(until.test(last[0]), series + " = " + last[0]);
        });
        return last[0];
    }

    private static void insert(Connection c, String createdAt, String parkedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (topic, message_key, payload, headers, created_at, parked_at, park_reason) "
                + "values (?, 'zzsz', ?, '{}'::jsonb, " + createdAt + ", " + (parkedAt == null ? "null" : parkedAt) + ", ?)")) {
            ps.setString(1, Topics.ITEMS_SUBMITTED);
            ps.setString(2, "{\"ops\":\"" + UUID.randomUUID() + "\"}");
            ps.setString(3, parkedAt == null ? null : "test: parked by hand");
            ps.executeUpdate();
        }
    }

    private static Connection db(String user) throws SQLException {
        return DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), user, user);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
